import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A submit's registration number is drawn at its commit. The submit leaves one row here (its content
 * frozen as canonical JSON text with a placeholder where the number goes); a deferred trigger, run by
 * PostgreSQL inside the COMMIT, takes the competition's next number, puts it into the text, stores the
 * snapshot with the SHA-256 of that exact text, numbers the application, completes its mails and deletes
 * the row. The counter row stays locked from there to the end of that commit only, never across a round
 * trip to a busy api, so a rush of submits serialises on the commit alone; numbers stay gap-free and
 * consecutive (a transaction that rolls back never drew one).
 */
export class NumberingAtCommit1766000000000 implements MigrationInterface {
  name = 'NumberingAtCommit1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE submission_numbering (
        application_id uuid PRIMARY KEY REFERENCES applications(id),
        competition_id uuid NOT NULL REFERENCES competitions(id),
        number_prefix text NOT NULL,
        body text NOT NULL,
        placeholder text NOT NULL CHECK (length(placeholder) > 0),
        submitted_at timestamptz NOT NULL,
        mail_keys text[] NOT NULL DEFAULT '{}'
      )`);
    await q.query(`
      CREATE FUNCTION number_submission() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        next_sequence int;
        number text;
        frozen text;
        hash text;
      BEGIN
        INSERT INTO competition_sequences (competition_id, last_sequence) VALUES (NEW.competition_id, 1)
        ON CONFLICT (competition_id) DO UPDATE SET last_sequence = competition_sequences.last_sequence + 1
        RETURNING last_sequence INTO next_sequence;
        number := NEW.number_prefix || lpad(next_sequence::text, greatest(4, length(next_sequence::text)), '0');
        frozen := replace(NEW.body, NEW.placeholder, number);
        hash := encode(sha256(convert_to(frozen, 'UTF8')), 'hex');
        INSERT INTO application_snapshots (application_id, content, content_hash, submitted_at)
        VALUES (NEW.application_id, frozen::jsonb, hash, NEW.submitted_at);
        UPDATE applications SET registration_number = number, sequence = next_sequence, content_hash = hash
        WHERE id = NEW.application_id;
        UPDATE notifications
        SET payload = payload || jsonb_build_object('registrationNumber', number, 'contentHash', hash)
        WHERE dedupe_key = ANY(NEW.mail_keys);
        DELETE FROM submission_numbering WHERE application_id = NEW.application_id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER submission_numbering_at_commit
      AFTER INSERT ON submission_numbering DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW EXECUTE FUNCTION number_submission()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE submission_numbering`);
    await q.query(`DROP FUNCTION number_submission()`);
  }
}
