import { sql, type Kysely } from 'kysely';

/**
 * The supervisor's check and the callback survey (issue 20, points 5 and 6).
 *
 * - `review_settings`: one row, the switch (off by default, as the desk worked before).
 * - `ticket_reviews`: a ticket resolved while the check is on waits here for the supervisor; the
 *   row is the fact that this ticket needs approval, so switching the check off or on later
 *   never rewrites what a ticket already went through. `outcome` says how the wait ended:
 *   approved by a supervisor, or waived when the check was switched off while it waited.
 * - `survey_questions`: the questions a callback asks. Seed 000's four are put in as presets
 *   (their wording comes from the catalog, in the desk's language, until the company types its
 *   own); a question with answers is retired, never deleted.
 * - `callback_answers`: one answer per question per callback, a score or words, never both.
 *
 * Callbacks keep their single overall score (`callbacks.satisfaction`): the callbacks recorded
 * before this migration read as they did, and the survey's answers come beside the score.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table review_settings (
      id integer primary key check (id = 1),
      supervisor_check integer not null default 0 check (supervisor_check in (0, 1)),
      changed_at integer,
      changed_by text
    ) strict`,
    sql`insert into review_settings (id, supervisor_check) values (1, 0)`,
    sql`create table ticket_reviews (
      ticket_id integer primary key references tickets (id) on delete cascade,
      waiting_since integer not null,
      outcome text check (outcome in ('approved', 'waived')),
      decided_at integer,
      supervisor text,
      remark text,
      who text,
      entered_at integer,
      check ((outcome is null) = (decided_at is null)),
      check (outcome is not 'approved' or supervisor is not null)
    ) strict`,
    sql`create index ticket_reviews_waiting on ticket_reviews (waiting_since) where outcome is null`,
    sql`create table survey_questions (
      id integer primary key,
      position integer not null,
      kind text not null check (kind in ('score', 'words')),
      preset text check (preset in ('knowsProduct', 'meetsNeeds', 'technicianManner', 'suggestions')),
      text text,
      active integer not null default 1 check (active in (0, 1)),
      created_at integer not null,
      updated_at integer not null,
      check (preset is not null or text is not null)
    ) strict`,
    // Seed 000: 询问顾客对于其购买产品的熟知程度;产品的特性是否符合顾客要求;上门服务人员的态度是否良好;
    // 对于我公司的产品有哪些需要更加人性化、合理化的地方。
    sql`insert into survey_questions (position, kind, preset, created_at, updated_at) values
      (1, 'score', 'knowsProduct', 0, 0),
      (2, 'score', 'meetsNeeds', 0, 0),
      (3, 'score', 'technicianManner', 0, 0),
      (4, 'words', 'suggestions', 0, 0)`,
    sql`create table callback_answers (
      id integer primary key,
      callback_id integer not null references callbacks (id) on delete cascade,
      question_id integer not null references survey_questions (id),
      score integer check (score between 1 and 5),
      words text,
      check ((score is null) <> (words is null)),
      unique (callback_id, question_id)
    ) strict`,
    sql`create index callback_answers_question on callback_answers (question_id)`,
    // The period's callbacks, for satisfaction over a month or a quarter.
    sql`create index callbacks_done on callbacks (done_at) where done_at is not null`,
  ];
  for (const statement of statements) await statement.execute(db);
}
