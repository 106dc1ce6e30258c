"""The database keeps the fund's figures as sums of its journal (`projekte.fonds.journal`).

- `projekte_buchung_summieren` (AFTER INSERT on each booking) adds the booking to the columns of
  its fund and application, in the same transaction, under the row lock that UPDATE takes; the
  CHECK constraints on those rows (granted within the fund's means, paid within the grant plus
  the claims back, repaid within the claims) then hold or the booking fails.
- `projekte_summen_schuetzen` (BEFORE INSERT/UPDATE of a fund or an application) refuses any
  other write of those columns: a new row starts at zero, and an UPDATE may change them only from
  inside the booking trigger (`pg_trigger_depth() > 1`). A stale instance saved by a form or the
  admin therefore fails loudly instead of writing an old sum back.
- `projekte_buchung_unveraenderlich` refuses UPDATE and DELETE of bookings (append-only; a
  Storno corrects), except that deleting a user may clear `gebucht_von` (ON DELETE SET NULL).
"""

from django.db import migrations

SUMMIEREN = """
CREATE FUNCTION projekte_buchung_summieren() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.antrag_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM projekte_fondsantrag WHERE id = NEW.antrag_id AND fonds_id = NEW.fonds_id
    ) THEN
        RAISE EXCEPTION 'Buchung %: Antrag gehört nicht zum Fonds', NEW.id
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.art IN ('bewilligung', 'aenderung') THEN
        UPDATE projekte_stadtteilfonds SET bewilligt_summe = bewilligt_summe + NEW.betrag
            WHERE id = NEW.fonds_id;
        UPDATE projekte_fondsantrag
            SET betrag_bewilligt = COALESCE(betrag_bewilligt, 0) + NEW.betrag
            WHERE id = NEW.antrag_id;
    ELSIF NEW.art = 'auszahlung' THEN
        UPDATE projekte_fondsantrag SET ausgezahlt_summe = ausgezahlt_summe + NEW.betrag
            WHERE id = NEW.antrag_id;
    ELSIF NEW.art = 'rueckforderung' THEN
        UPDATE projekte_fondsantrag
            SET zurueckgefordert_summe = zurueckgefordert_summe + NEW.betrag
            WHERE id = NEW.antrag_id;
    ELSIF NEW.art = 'rueckzahlung' THEN
        UPDATE projekte_fondsantrag SET zurueckgezahlt_summe = zurueckgezahlt_summe + NEW.betrag
            WHERE id = NEW.antrag_id;
    ELSIF NEW.art IN ('verfall', 'uebertrag') THEN
        UPDATE projekte_stadtteilfonds SET abgang_summe = abgang_summe + NEW.betrag
            WHERE id = NEW.fonds_id;
    ELSIF NEW.art = 'vortrag' THEN
        UPDATE projekte_stadtteilfonds SET vortrag_summe = vortrag_summe + NEW.betrag
            WHERE id = NEW.fonds_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER projekte_buchung_summieren AFTER INSERT ON projekte_buchung
    FOR EACH ROW EXECUTE FUNCTION projekte_buchung_summieren();

CREATE FUNCTION projekte_fondssummen_schuetzen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.bewilligt_summe <> 0 OR NEW.vortrag_summe <> 0 OR NEW.abgang_summe <> 0 THEN
            RAISE EXCEPTION 'Summen des Fonds entstehen nur aus Buchungen'
                USING ERRCODE = 'check_violation';
        END IF;
    ELSIF pg_trigger_depth() < 2 AND (NEW.bewilligt_summe, NEW.vortrag_summe, NEW.abgang_summe)
            IS DISTINCT FROM (OLD.bewilligt_summe, OLD.vortrag_summe, OLD.abgang_summe) THEN
        RAISE EXCEPTION 'Summen des Fonds % entstehen nur aus Buchungen', OLD.id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER projekte_fondssummen_schuetzen BEFORE INSERT OR UPDATE ON projekte_stadtteilfonds
    FOR EACH ROW EXECUTE FUNCTION projekte_fondssummen_schuetzen();

CREATE FUNCTION projekte_antragssummen_schuetzen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.betrag_bewilligt IS NOT NULL OR NEW.ausgezahlt_summe <> 0
                OR NEW.zurueckgefordert_summe <> 0 OR NEW.zurueckgezahlt_summe <> 0 THEN
            RAISE EXCEPTION 'Summen des Antrags entstehen nur aus Buchungen'
                USING ERRCODE = 'check_violation';
        END IF;
    ELSIF pg_trigger_depth() < 2 AND (NEW.betrag_bewilligt, NEW.ausgezahlt_summe,
            NEW.zurueckgefordert_summe, NEW.zurueckgezahlt_summe)
            IS DISTINCT FROM (OLD.betrag_bewilligt, OLD.ausgezahlt_summe,
            OLD.zurueckgefordert_summe, OLD.zurueckgezahlt_summe) THEN
        RAISE EXCEPTION 'Summen des Antrags % entstehen nur aus Buchungen', OLD.id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER projekte_antragssummen_schuetzen BEFORE INSERT OR UPDATE ON projekte_fondsantrag
    FOR EACH ROW EXECUTE FUNCTION projekte_antragssummen_schuetzen();

CREATE FUNCTION projekte_buchung_unveraenderlich() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.gebucht_von_id IS NULL
            AND (to_jsonb(NEW) - 'gebucht_von_id') = (to_jsonb(OLD) - 'gebucht_von_id') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'Buchungen werden nicht geändert oder gelöscht, sondern storniert'
        USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER projekte_buchung_unveraenderlich BEFORE UPDATE OR DELETE ON projekte_buchung
    FOR EACH ROW EXECUTE FUNCTION projekte_buchung_unveraenderlich();
"""

ENTFERNEN = """
DROP TRIGGER projekte_buchung_unveraenderlich ON projekte_buchung;
DROP FUNCTION projekte_buchung_unveraenderlich();
DROP TRIGGER projekte_antragssummen_schuetzen ON projekte_fondsantrag;
DROP FUNCTION projekte_antragssummen_schuetzen();
DROP TRIGGER projekte_fondssummen_schuetzen ON projekte_stadtteilfonds;
DROP FUNCTION projekte_fondssummen_schuetzen();
DROP TRIGGER projekte_buchung_summieren ON projekte_buchung;
DROP FUNCTION projekte_buchung_summieren();
"""


class Migration(migrations.Migration):
    dependencies = [("projekte", "0010_journal_uebernehmen")]

    operations = [migrations.RunSQL(SUMMIEREN, ENTFERNEN)]
