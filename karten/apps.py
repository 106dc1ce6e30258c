from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KartenConfig(AppConfig):
    name = "karten"
    verbose_name = _("Karten")

    def ready(self):
        from quartiersmanagement import demo_data, page_hooks

        from . import demo, rules, selectors  # noqa: F401  (rules registers the permissions)

        demo_data.register(self, demo.laden)
        page_hooks.register(
            "bedarf",
            page_hooks.Section(
                title=_("In der Nähe"),
                template="karten/in_der_naehe.html",
                context=selectors.in_der_naehe,
            ),
        )
