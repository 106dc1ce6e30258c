"""Admin for projects and events; the fund's admin is in `fonds.admin`."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from quartiersmanagement.form_widgets import LOCALIZED_DECIMALS

from .models import Budgetposten, Projekt, Statusaenderung, Teilnahme, Termin


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


from .fonds import admin as fonds_admin  # noqa: E402, F401  (registers the fund's admin)
