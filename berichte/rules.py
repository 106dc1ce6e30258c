"""Who may see the city-wide reports and who may write the free texts of a report."""

import rules

from quartiere.models import Programmeinsatz
from quartiere.rules import ist_leitung, ist_quartiersmanager
from quartiere.zugriff import zugriff_fuer

darf_stadtweit_sehen = rules.is_superuser | ist_leitung

rules.add_perm("berichte.stadtweit_sehen", darf_stadtweit_sehen)
rules.add_rule("berichte_stadtweit_sehen", darf_stadtweit_sehen)


@rules.predicate
def ist_qm_des_jahresberichts(user, text):
    """The texts of a Jahresbericht: QM of its quartier."""
    return (
        text is not None
        and text.quartier_id is not None
        and ist_quartiersmanager(user, text.quartier_id)
    )


@rules.predicate
def ist_qm_im_programm(user, text):
    """The texts of a Sachbericht: QM (now) of at least one quartier where the programme ran
    during the report period."""
    bearbeitbar = zugriff_fuer(user).bearbeitbar
    if not bearbeitbar or text is None or text.programm_id is None or text.von is None:
        return False
    return (
        Programmeinsatz.objects.im_zeitraum(text.von, text.bis)
        .filter(programm_id=text.programm_id, quartier_id__in=sorted(bearbeitbar))
        .exists()
    )


darf_berichtstext_bearbeiten = rules.is_superuser | ist_qm_des_jahresberichts | ist_qm_im_programm

rules.add_perm("berichte.add_berichtstext", darf_berichtstext_bearbeiten)
rules.add_perm("berichte.change_berichtstext", darf_berichtstext_bearbeiten)
