from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OeffentlichkeitConfig(AppConfig):
    name = "oeffentlichkeit"
    verbose_name = _("Öffentlichkeitsarbeit")
