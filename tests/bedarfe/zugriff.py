"""Builders for the URL walk (tests/test_zugriffsschutz.py) of the bedarfe app."""

from django.core.files.base import ContentFile

from bedarfe.models import Erhebungsdatei
from tests.factories import BedarfFactory, ErhebungFactory, WeiterleitungFactory


def _bedarf(quartier, text):
    bedarf = BedarfFactory(quartier=quartier, titel=f"{text} Bedarf", beschreibung=text, ort=text)
    return {"pk": bedarf.pk}


def _weiterleitung(quartier, text):
    w = WeiterleitungFactory(bedarf__quartier=quartier, bedarf__titel=text, nachricht=text)
    return {"pk": w.pk}


def _erhebung(quartier, text):
    erhebung = ErhebungFactory(quartier=quartier, titel=text, notizen=text)
    return {"pk": erhebung.pk}


def _erhebungsdatei(quartier, text):
    erhebung = ErhebungFactory(quartier=quartier, titel=text)
    datei = Erhebungsdatei(erhebung=erhebung, dateiname=f"{text}.pdf")
    datei.datei.save("probe.pdf", ContentFile(b"%PDF-1.7\n"), save=True)
    return {"pk": datei.pk}


OBJEKTE = {
    **{
        f"bedarfe:{name}": _bedarf
        for name in (
            "detail",
            "bearbeiten",
            "status",
            "weiterleiten",
            "zusammenfuehren",
            "zusammenfuehren_suche",
            "nennung",
            "kommentieren",
            "freigeben",
        )
    },
    **{
        f"bedarfe:{name}": _weiterleitung
        for name in ("antwort_erfassen", "zurueckziehen", "frist", "erinnern", "umleiten")
    },
    "bedarfe:erhebung_detail": _erhebung,
    "bedarfe:erhebung_bearbeiten": _erhebung,
    "bedarfe:erhebungsdatei": _erhebungsdatei,
}
