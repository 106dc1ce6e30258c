"""Constraints of the checked votes, after 0010 has recounted the existing decisions: in a
migration of their own, so the recount's row updates are committed before the tables change
(PostgreSQL refuses ALTER TABLE with pending trigger events in the same transaction)."""

import django.db.models.deletion
import django.db.models.expressions
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("akteure", "0010_gremien_geschaeftsordnung_abstimmung_protokoll"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='beschluss',
            constraint=models.CheckConstraint(condition=models.Q(('anwesende__gte', django.db.models.expressions.CombinedExpression(django.db.models.expressions.CombinedExpression(models.F('ja'), '+', models.F('nein')), '+', models.F('enthaltung')))), name='beschluss_stimmen_hoechstens_anwesende', violation_error_message='Mehr Stimmen als anwesende Stimmberechtigte.'),
        ),
        migrations.AddConstraint(
            model_name='beschluss',
            constraint=models.CheckConstraint(condition=models.Q(('stimmberechtigte__gte', models.F('anwesende'))), name='beschluss_anwesende_hoechstens_stimmberechtigte', violation_error_message='Mehr Anwesende als stimmberechtigte Mitglieder.'),
        ),
        migrations.AddConstraint(
            model_name='beschluss',
            constraint=models.UniqueConstraint(fields=('sitzung', 'text'), name='beschluss_text_einmal_je_sitzung', violation_error_message='Diese Sitzung hat schon einen Beschluss mit genau diesem Text.'),
        ),
        migrations.AddConstraint(
            model_name='teilnahme',
            constraint=models.CheckConstraint(condition=models.Q(('ab_top__isnull', True), ('status', 'anwesend'), _connector='OR'), name='teilnahme_ab_top_nur_anwesend', violation_error_message='„Anwesend ab TOP“ gilt nur für Anwesende.'),
        ),
        migrations.AddField(
            model_name='berichtigung',
            name='beschluss',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='berichtigungen', to='akteure.beschluss', verbose_name='betrifft Beschluss'),
        ),
        migrations.AddField(
            model_name='berichtigung',
            name='erfasst_von',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='erfasst von'),
        ),
        migrations.AddField(
            model_name='berichtigung',
            name='sitzung',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='berichtigungen', to='akteure.sitzung', verbose_name='Sitzung'),
        ),
        migrations.AddField(
            model_name='historicalberichtigung',
            name='beschluss',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='akteure.beschluss', verbose_name='betrifft Beschluss'),
        ),
        migrations.AddField(
            model_name='historicalberichtigung',
            name='erfasst_von',
            field=models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='erfasst von'),
        ),
        migrations.AddField(
            model_name='historicalberichtigung',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='historicalberichtigung',
            name='sitzung',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='akteure.sitzung', verbose_name='Sitzung'),
        ),
        migrations.AddField(
            model_name='historicalstimme',
            name='beschluss',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='akteure.beschluss', verbose_name='Beschluss'),
        ),
        migrations.AddField(
            model_name='historicalstimme',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='historicalstimme',
            name='mitgliedschaft',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='akteure.mitgliedschaft', verbose_name='Mitglied'),
        ),
        migrations.AddField(
            model_name='stimme',
            name='beschluss',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='stimmen', to='akteure.beschluss', verbose_name='Beschluss'),
        ),
        migrations.AddField(
            model_name='stimme',
            name='mitgliedschaft',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='stimmen', to='akteure.mitgliedschaft', verbose_name='Mitglied'),
        ),
        migrations.AddConstraint(
            model_name='berichtigung',
            constraint=models.UniqueConstraint(fields=('sitzung', 'datum', 'grund'), name='berichtigung_einmal', violation_error_message='Eine Berichtigung mit diesem Datum und Grund ist schon erfasst.'),
        ),
        migrations.AddConstraint(
            model_name='stimme',
            constraint=models.UniqueConstraint(fields=('beschluss', 'mitgliedschaft'), name='stimme_einmal_je_mitglied', violation_error_message='Jedes Mitglied hat nur eine Stimme.'),
        ),
    ]
