"""Mail to a member of staff when their password or second factor changes (ASVS V2.2.3).

Whoever changed it – the person, an admin, a script – the owner learns of it and can react if
it was not them. Hooked to the models, so every path is covered: the password change form, the
admin, `changepassword`, the second-factor pages and the admin's device list. Sent after the
transaction commits, so a rolled-back change sends nothing. A user without an e-mail address
gets no mail.
"""

from django.db import transaction
from django.utils import timezone

from .mail import send_mail

PASSWORD = "passwort"  # noqa: S105 - the kind of change, not a password
SECOND_FACTOR_ON = "zweiter_faktor_an"
SECOND_FACTOR_OFF = "zweiter_faktor_aus"


def _notify(user, change: str) -> None:
    if not user.email:
        return
    kontext = {"benutzer": user, "aenderung": change, "zeitpunkt": timezone.now()}
    transaction.on_commit(
        lambda: send_mail(template="konto_geaendert", to=[user.email], context=kontext)
    )


def password_changing(sender, instance, **kwargs) -> None:
    """`pre_save` of the user model: a new password hash on an existing account."""
    update_fields = kwargs.get("update_fields")
    if instance._state.adding or (update_fields is not None and "password" not in update_fields):
        return  # e.g. a login saves last_login only
    stored = sender._default_manager.filter(pk=instance.pk).values_list("password", flat=True)
    if stored and stored[0] != instance.password:
        _notify(instance, PASSWORD)


def device_saved(sender, instance, created, **kwargs) -> None:
    """`post_save` of a TOTP device: it counts once it is confirmed."""
    update_fields = kwargs.get("update_fields")
    if instance.confirmed and (created or (update_fields and "confirmed" in update_fields)):
        _notify(instance.user, SECOND_FACTOR_ON)


def device_deleted(sender, instance, **kwargs) -> None:
    if instance.confirmed:
        _notify(instance.user, SECOND_FACTOR_OFF)
