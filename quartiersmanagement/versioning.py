"""Optimistic locking against lost updates on edit forms.

Two people open the same record; the second save must not silently overwrite the first. Each
versioned record carries `version`, raised by every save. The edit form sends back the version
it was built from; `save_with_version` first runs an UPDATE that matches only that version
(and so also locks the row until the transaction ends), then saves. If the UPDATE matched
nothing, someone else saved in between: the caller gets `EditConflict` with the stored
record, shows both versions and keeps the typing.
"""

from django import forms
from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

CONFLICT_MESSAGE = _(
    "Jemand anderes hat diesen Datensatz gespeichert, während Sie ihn bearbeitet haben. "
    "Ihre Eingaben sind erhalten. Vergleichen Sie sie mit der gespeicherten Fassung unten "
    "und speichern Sie erneut, um Ihre Fassung zu übernehmen."
)


class Versioned(models.Model):
    """A record whose `version` the database raises with every save (`version + 1` in the
    UPDATE itself, never a value computed in memory), so two writers never write the same
    version. A full save writes only over the version the instance was read with: over a
    newer save it raises `EditConflict` instead of undoing it. A save with
    `update_fields` changes only the named fields and raises the version unconditionally."""

    version = models.PositiveIntegerField(_("Version"), default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding and kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)

    def _do_update(self, base_qs, using, pk_val, values, update_fields, forced_update):
        values = [
            (feld, modell, F("version") + 1 if feld.attname == "version" else wert)
            for feld, modell, wert in values
        ]
        gelesen = self.version
        geprueft = base_qs if update_fields is not None else base_qs.filter(version=gelesen)
        getroffen = super()._do_update(
            geprueft, using, pk_val, values, update_fields, forced_update
        )
        if not getroffen:
            if update_fields is None and base_qs.filter(pk=pk_val).exists():
                raise EditConflict(base_qs.get(pk=pk_val))
            return False
        if update_fields is None:
            self.version = gelesen + 1
        else:
            self.version = base_qs.filter(pk=pk_val).values_list("version", flat=True).get()
        return True


class EditConflict(Exception):
    def __init__(self, gespeichert):
        super().__init__(str(CONFLICT_MESSAGE))
        self.gespeichert = gespeichert


@transaction.atomic
def save_with_version(instanz: Versioned, *, expected_version: int, **save_kwargs):
    """Save `instanz` if the stored row still has `expected_version`, else raise."""
    modell = type(instanz)
    # Matches only the expected version and locks the row for the save that follows.
    getroffen = modell._default_manager.filter(pk=instanz.pk, version=expected_version).update(
        version=F("version")
    )
    if not getroffen:
        raise EditConflict(modell._default_manager.get(pk=instanz.pk))
    instanz.version = expected_version
    instanz.save(**save_kwargs)


class VersionFormMixin(forms.ModelForm):
    """Adds the hidden version an edit form was built from (a new record has none);
    `konflikt_zeigen` prepares a retry."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.unterschiede: list[tuple[str, str, str]] = []
        if self.instance._state.adding:
            del self.fields["version"]
        else:
            self.fields["version"].initial = self.instance.version

    def konflikt_zeigen(self, konflikt: EditConflict) -> None:
        """Put the error on the form, move the hidden version to the stored one (so saving
        again deliberately overwrites) and keep (field, your value, stored value) rows in
        `self.unterschiede` for templates/includes/konflikt.html."""
        self.add_error(None, CONFLICT_MESSAGE)
        self.data = self.data.copy()
        self.data[self.add_prefix("version")] = konflikt.gespeichert.version
        unterschiede = []
        for name, feld in self.fields.items():
            if name == "version" or name not in self.cleaned_data:
                continue
            gespeichert = feld.prepare_value(
                forms.models.model_to_dict(konflikt.gespeichert, fields=[name]).get(name)
            )
            mein = feld.prepare_value(self.cleaned_data[name])
            if str(mein) != str(gespeichert):
                unterschiede.append((str(feld.label), str(mein), str(gespeichert)))
        self.unterschiede = unterschiede
