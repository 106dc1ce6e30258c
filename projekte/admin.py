"""Admin for projects and funds; money moves only through the services (read-only sums)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from quartiersmanagement.form_widgets import LOCALIZED_DECIMALS

from .models import (
    Auszahlung,
    Budgetposten,
    Fondsantrag,
    Projekt,
    Stadtteilfonds,
    Statusaenderung,
    Teilnahme,
    Termin,
    Verwendungsnachweis,
)


class BudgetpostenInline(admin.TabularInline):
    formfield_overrides = LOCALIZED_DECIMALS
    model = Budgetposten
    extra = 0


class StatusaenderungInline(admin.TabularInline):
    model = Statusaenderung
    extra = 0
    readonly_fields = ["von_status", "nach_status", "datum", "kommentar", "geaendert_von"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Projekt)
class ProjektAdmin(SimpleHistoryAdmin):
    list_display = ["titel", "status", "qm_rolle", "programm", "beginn", "ende"]
    list_filter = ["status", "qm_rolle", "quartiere"]
    search_fields = ["titel", "ziele"]
    readonly_fields = ["status"]
    filter_horizontal = ["quartiere", "handlungsfelder", "zielgruppen"]
    inlines = [BudgetpostenInline, StatusaenderungInline]


class TeilnahmeInline(admin.TabularInline):
    model = Teilnahme
    extra = 0


@admin.register(Termin)
class TerminAdmin(SimpleHistoryAdmin):
    formfield_overrides = LOCALIZED_DECIMALS
    list_display = ["titel", "beginn", "quartier", "projekt", "oeffentlich", "abgesagt"]
    list_filter = ["quartier", "oeffentlich", "abgesagt"]
    search_fields = ["titel", "ort"]
    readonly_fields = ["uid", "sequenz"]
    inlines = [TeilnahmeInline]


@admin.register(Stadtteilfonds)
class StadtteilfondsAdmin(SimpleHistoryAdmin):
    formfield_overrides = LOCALIZED_DECIMALS
    list_display = ["quartier", "jahr", "budget", "bewilligt_summe", "schwelle_qm"]
    list_filter = ["jahr", "quartier"]
    readonly_fields = ["bewilligt_summe"]


class AuszahlungInline(admin.TabularInline):
    model = Auszahlung
    extra = 0
    readonly_fields = ["betrag", "datum", "vermerk", "gebucht_von"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Fondsantrag)
class FondsantragAdmin(SimpleHistoryAdmin):
    formfield_overrides = LOCALIZED_DECIMALS
    list_display = ["titel", "fonds", "status", "betrag_beantragt", "betrag_bewilligt"]
    list_filter = ["status", "fonds__quartier", "fonds__jahr"]
    search_fields = ["titel", "antragsteller_name"]
    readonly_fields = [
        "status",
        "betrag_bewilligt",
        "ausgezahlt_summe",
        "entschieden_von",
        "entschieden_am",
    ]
    inlines = [AuszahlungInline]


@admin.register(Verwendungsnachweis)
class VerwendungsnachweisAdmin(SimpleHistoryAdmin):
    formfield_overrides = LOCALIZED_DECIMALS
    list_display = ["antrag", "tatsaechliche_kosten", "eingereicht_am", "geprueft_am"]
