from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Beitrag, Rueckmeldung, Seite


@admin.register(Seite)
class SeiteAdmin(SimpleHistoryAdmin):
    list_display = ["art", "titel", "geaendert"]


@admin.register(Beitrag)
class BeitragAdmin(SimpleHistoryAdmin):
    list_display = ["titel", "quartier", "veroeffentlicht_am"]
    list_filter = ["quartier"]
    search_fields = ["titel", "teaser"]
    date_hierarchy = "veroeffentlicht_am"


@admin.register(Rueckmeldung)
class RueckmeldungAdmin(SimpleHistoryAdmin):
    list_display = ["erstellt", "quartier", "seite", "erledigt"]
    list_filter = ["erledigt", "quartier"]
