from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuartiersmanagementConfig(AppConfig):
    name = "quartiersmanagement"
    verbose_name = _("Benutzer und Grundeinstellungen")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_delete, post_save, pre_save
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from . import account_notices, dsgvo, http, shared_cache, submission, two_factor

        user_logged_in.connect(two_factor.remember_on_login, dispatch_uid="zwei_faktor")
        user_logged_in.connect(http.mark_sign_in, dispatch_uid="anmeldezeit")
        pre_save.connect(
            account_notices.password_changing, sender=get_user_model(), dispatch_uid="passwort"
        )
        post_save.connect(account_notices.device_saved, sender=TOTPDevice, dispatch_uid="totp")
        post_delete.connect(
            account_notices.device_deleted, sender=TOTPDevice, dispatch_uid="totp_weg"
        )
        shared_cache.connect_signals()
        dsgvo.bereinigung_registrieren(
            dsgvo.Bereinigung(
                bezeichnung=_("Abgelaufene Einmal-Tokens von Formularen entfernen"),
                ausfuehren=submission.tokens_entfernen,
            )
        )
        dsgvo.registrieren(
            dsgvo.Verarbeitung(
                bezeichnung=_("Benutzerkonten der Beschäftigten"),
                zweck=_("Anmeldung, Rechte pro Quartier, Nachvollziehbarkeit von Änderungen"),
                rechtsgrundlage=dsgvo.RECHTSGRUNDLAGE_BESCHAEFTIGUNG,
                betroffene=_("Beschäftigte der Stadt und der Träger"),
                datenkategorien=_(
                    "Name, dienstliche E-Mail, Benutzername, Passwort-Hash, Zuständigkeiten, "
                    "Anmeldeversuche (IP-Adresse), Zweitfaktor-Schlüssel"
                ),
                empfaenger=_("keine; intern nur Administration"),
                loeschfrist=_(
                    "Konto: Deaktivierung bei Ausscheiden, Löschung nach 6 Monaten; "
                    "Anmeldeversuche: 1 Stunde nach Sperrende"
                ),
                modelle=(
                    "quartiersmanagement.Benutzer",
                    "quartiere.Zustaendigkeit",
                    "axes.AccessAttempt",
                    "axes.AccessLog",
                    "axes.AccessFailureLog",
                    "otp_totp.TOTPDevice",
                    "otp_static.StaticDevice",
                    "otp_static.StaticToken",
                ),
            )
        )
