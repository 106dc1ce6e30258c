"""The rate-limit rows of the online application count every anonymous form now."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("oeffentlichkeit", "0005_antragsversuch_ohne_verlauf"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="antragsversuch", name="antragsversuch_ip_zeit"),
        migrations.RenameModel(old_name="Antragsversuch", new_name="Formularversuch"),
        migrations.AlterModelOptions(
            name="formularversuch",
            options={
                "ordering": ["-erstellt"],
                "verbose_name": "Formularversuch",
                "verbose_name_plural": "Formularversuche",
            },
        ),
        migrations.AddField(
            model_name="formularversuch",
            name="formular",
            field=models.CharField(
                choices=[
                    ("antrag", "Online-Antrag Stadtteilfonds"),
                    ("rueckmeldung", "Rückmeldung zur Barrierefreiheit"),
                ],
                default="antrag",
                max_length=20,
                verbose_name="Formular",
            ),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="formularversuch",
            name="ip_hash",
            field=models.CharField(max_length=64, verbose_name="Adresse (Hash)"),
        ),
        migrations.AddIndex(
            model_name="formularversuch",
            index=models.Index(
                fields=["formular", "ip_hash", "erstellt"], name="formularversuch_ip_zeit"
            ),
        ),
    ]
