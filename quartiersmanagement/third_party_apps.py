"""Third-party apps under German names in the admin (it shows an app's verbose name as a
section). Kept out of apps.py: Django picks an app's own config automatically only when its
apps.py holds exactly one AppConfig."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.apps import DefaultConfig as StaticAppConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TotpAppConfig
from mailer.apps import MailerConfig


class AnmeldesperrenConfig(AxesAppConfig):
    """django-axes under a name the admins understand (the admin shows it as a section)."""

    verbose_name = _("Anmeldeversuche und Sperren")


class ZweiFaktorGeraeteConfig(TotpAppConfig):
    """django-otp's TOTP devices under a German section name in the admin."""

    verbose_name = _("Zwei-Faktor-Anmeldung (Authenticator-App)")


class ErsatzcodesConfig(StaticAppConfig):
    """django-otp's one-time backup codes under a German section name in the admin."""

    verbose_name = _("Zwei-Faktor-Anmeldung (Ersatzcodes)")


class PostausgangConfig(MailerConfig):
    """django-mailer's queue under the name the staff use for it: the outbox."""

    verbose_name = _("Postausgang")
