from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuartiereConfig(AppConfig):
    name = "quartiere"
    verbose_name = _("Quartiere und Programme")

    def ready(self):
        from quartiersmanagement import demo_data

        from . import demo

        demo_data.register(self, demo.laden, creates_logins=True)
