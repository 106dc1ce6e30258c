from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuartiersmanagementConfig(AppConfig):
    name = "quartiersmanagement"
    verbose_name = _("Benutzer und Grundeinstellungen")
