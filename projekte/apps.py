from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjekteConfig(AppConfig):
    name = "projekte"
    verbose_name = _("Projekte und Stadtteilfonds")
