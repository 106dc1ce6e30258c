from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BedarfeConfig(AppConfig):
    name = "bedarfe"
    verbose_name = _("Bedarfe und Lotsenfunktion")
