from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArbeitsplatzConfig(AppConfig):
    name = "arbeitsplatz"
    verbose_name = _("Arbeitsplatz")

    def ready(self):
        from quartiersmanagement import demo_data

        from . import demo, rules  # noqa: F401  (rules registers the permissions)

        demo_data.register(self, demo.laden)
