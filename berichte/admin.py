from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Berichtstext


@admin.register(Berichtstext)
class BerichtstextAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "quartier", "jahr", "programm", "von", "bis", "geaendert")
    list_filter = ("quartier", "programm")
    list_select_related = ("quartier", "programm")
    readonly_fields = ("version",)
