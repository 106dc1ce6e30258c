from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AkteureConfig(AppConfig):
    name = "akteure"
    verbose_name = _("Akteure und Gremien")
