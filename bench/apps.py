from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenchConfig(AppConfig):
    """Development only (settings.BENCH, default DEBUG): city-scale load data (`lastdaten`),
    the mixed-load benchmark (`lastmessung`, `make bench`) and its floor page. Production
    settings leave this app out, so its commands and URLs do not exist there."""

    name = "bench"
    verbose_name = _("Leistungsmessung")
