"""The programme tests use the shared PostgreSQL fixtures for the shared-database case."""

from pg_fixtures import pg_cluster, pg_url  # noqa: F401
