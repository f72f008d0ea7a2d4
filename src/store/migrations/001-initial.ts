/**
 * Migration 1: the registry's first schema. Plain SQL, kept in a module so that `tsc` alone puts
 * it in dist; it runs once, in one transaction. A released migration is never edited: a change
 * is the next numbered file.
 */
export default /* sql */ `
CREATE TABLE users (
  id            text PRIMARY KEY,
  username      text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  role          text NOT NULL CHECK (role IN ('admin', 'clinician', 'viewer')),
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- Only hashes of session and API tokens are stored.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id    text NOT NULL REFERENCES users (id),
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user_id ON sessions (user_id);

CREATE TABLE api_tokens (
  token_hash text PRIMARY KEY,
  user_id    text NOT NULL REFERENCES users (id),
  name       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX api_tokens_user_id ON api_tokens (user_id);

-- One row per case; latest_version is kept in the transaction that adds a version, under a
-- row lock (SELECT ... FOR UPDATE), so concurrent updates queue instead of colliding.
CREATE TABLE cases (
  case_id        text PRIMARY KEY,
  synthetic      boolean NOT NULL DEFAULT false,
  latest_version integer NOT NULL CHECK (latest_version >= 1),
  created_at     timestamptz NOT NULL DEFAULT now()
);

-- Every version of every case; a change adds a row, nothing is overwritten.
CREATE TABLE case_versions (
  case_id    text NOT NULL REFERENCES cases (case_id),
  version    integer NOT NULL CHECK (version >= 1),
  case_data  jsonb NOT NULL,
  author     text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, version)
);

-- Each evaluation with the case version and knowledge version that produced it, and what it
-- says in columns, so that the registry list filters without opening the JSON.
CREATE TABLE evaluations (
  id                bigserial PRIMARY KEY,
  case_id           text NOT NULL,
  case_version      integer NOT NULL,
  knowledge_version text NOT NULL,
  evaluation        jsonb NOT NULL,
  status            text NOT NULL,
  subtype           text NOT NULL,
  philadelphia      text NOT NULL,
  phase             text,
  risk_group        text NOT NULL,
  critical_alerts   integer NOT NULL CHECK (critical_alerts >= 0),
  age_years         double precision,
  created_at        timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (case_id, case_version) REFERENCES case_versions (case_id, version)
);
CREATE INDEX evaluations_latest ON evaluations (case_id, case_version, id DESC);

-- Who did what to which case. Never patient data in detail: a version number, a count, a reason.
-- No foreign keys: the log must outlive and record attempts on rows that do not exist.
CREATE TABLE audit_log (
  id         bigserial PRIMARY KEY,
  at         timestamptz NOT NULL DEFAULT now(),
  actor      text NOT NULL,
  user_id    text,
  action     text NOT NULL CHECK (action IN (
    'read', 'create', 'update', 'evaluate', 'export', 'import', 'reevaluate',
    'login', 'failed-login', 'logout', 'user-create', 'user-disable', 'token-create')),
  case_id    text,
  request_id text,
  detail     text
);
CREATE INDEX audit_log_case_id ON audit_log (case_id, id);

-- Append-only, enforced by the database. A statement trigger, not a row trigger, so that an
-- UPDATE or DELETE is refused even when it matches no row, and TRUNCATE (which fires no row
-- triggers) is refused too.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- CDS Hooks feedback, as the client sent it.
CREATE TABLE feedback (
  id         bigserial PRIMARY KEY,
  service_id text NOT NULL,
  feedback   jsonb NOT NULL,
  actor      text NOT NULL,
  at         timestamptz NOT NULL DEFAULT now()
);
`;
