"""Calendar-feed tokens are stored as SHA-256 only; existing tokens are hashed in place, so
subscriptions made before keep working. Backwards the hashes stay (links stop working then)."""

import hashlib

from django.db import migrations, models


def tokens_hashen(apps, schema_editor):
    Kalenderzugang = apps.get_model("akteure", "Kalenderzugang")
    for zugang in Kalenderzugang.objects.only("pk", "token_hash"):
        zugang.token_hash = hashlib.sha256(zugang.token_hash.encode()).hexdigest()
        zugang.save(update_fields=["token_hash"])


class Migration(migrations.Migration):
    dependencies = [("akteure", "0011_gremien_beschluss_regeln")]

    operations = [
        migrations.RenameField("kalenderzugang", "token", "token_hash"),
        migrations.AlterField(
            model_name="kalenderzugang",
            name="token_hash",
            field=models.CharField(
                editable=False, max_length=64, unique=True, verbose_name="Token (SHA-256)"
            ),
        ),
        migrations.RunPython(tokens_hashen, migrations.RunPython.noop),
    ]
