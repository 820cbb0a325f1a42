"""Case records: testimonies, incidents, persons, places, vocabularies, periods, clocks.

Also seeds the shipped defaults (vocabularies, the gazetteer of the January
2022 places, the shutdown and emergency periods) from
``resources/vocabularies/*.json``. Seeded places and periods
get name-based UUIDs, so two archives agree on the identity of "Almaty".

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

import json
import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from evidence_desk.core.resources import resource_dir

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

DEFAULTS = resource_dir("vocabularies")
UUID_NAMESPACE = uuid.UUID("6f0b3c2e-5d0a-4c55-9a57-0d3f1e6b8a10")


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer(), primary_key=True)


def _fk(name: str, target: str, ondelete: str | None = "CASCADE", **kw) -> sa.Column:
    return sa.Column(name, sa.Integer(), sa.ForeignKey(target, ondelete=ondelete), **kw)


def _text(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.Text(), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "vocabulary_terms",
        _id(),
        sa.Column("vocabulary", sa.String(40), nullable=False),
        sa.Column("code", sa.String(80), nullable=False),
        sa.Column("parent_code", sa.String(80), nullable=True),
        _text("label_en"),
        _text("label_ru"),
        _text("label_kk"),
        _text("description"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.UniqueConstraint("vocabulary", "code", name="uq_vocabulary_terms"),
    )
    op.create_index("ix_vocabulary_terms_vocabulary", "vocabulary_terms", ["vocabulary"])
    op.create_table(
        "places",
        _id(),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("code", sa.String(80), nullable=True, unique=True),
        _text("name"),
        sa.Column("kind", sa.String(16), nullable=False),
        _fk("parent_id", "places.id", ondelete=None, nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("radius_m", sa.Float(), nullable=True),
        _text("notes"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_places_parent_id", "places", ["parent_id"])
    op.create_table(
        "place_names",
        _id(),
        _fk("place_id", "places.id", nullable=False),
        _text("name"),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.UniqueConstraint("place_id", "name", name="uq_place_names"),
    )
    op.create_index("ix_place_names_place_id", "place_names", ["place_id"])
    op.create_table(
        "persons",
        _id(),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("sex", sa.String(16), nullable=True),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("age", sa.Integer(), nullable=True),
        sa.Column("age_date", sa.String(10), nullable=True),
        _text("occupation"),
        sa.Column("sensitive", sa.Boolean(), nullable=False),
        _text("notes"),
        _fk("merged_into_id", "persons.id", ondelete=None, nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_persons_merged_into_id", "persons", ["merged_into_id"])
    op.create_table(
        "person_names",
        _id(),
        _fk("person_id", "persons.id", nullable=False),
        _text("name"),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.UniqueConstraint("person_id", "name", name="uq_person_names"),
    )
    op.create_index("ix_person_names_person_id", "person_names", ["person_id"])
    op.create_table(
        "incidents",
        _id(),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        _text("title"),
        _text("description"),
        sa.Column("start_local", sa.DateTime(), nullable=True),
        sa.Column("start_offset_min", sa.Integer(), nullable=True),
        sa.Column("start_precision", sa.String(12), nullable=True),
        sa.Column("start_sort", sa.DateTime(), nullable=True),
        sa.Column("end_local", sa.DateTime(), nullable=True),
        sa.Column("end_offset_min", sa.Integer(), nullable=True),
        sa.Column("end_precision", sa.String(12), nullable=True),
        sa.Column("end_sort", sa.DateTime(), nullable=True),
        _fk("place_id", "places.id", ondelete="SET NULL", nullable=True),
        sa.Column("verification", sa.String(20), nullable=False),
        _text("notes"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_incidents_start_sort", "incidents", ["start_sort"])
    op.create_index("ix_incidents_place_id", "incidents", ["place_id"])
    op.create_index("ix_incidents_verification", "incidents", ["verification"])
    op.create_table(
        "person_statuses",
        _id(),
        _fk("person_id", "persons.id", nullable=False),
        sa.Column("status", sa.String(80), nullable=False),
        sa.Column("started", sa.String(32), nullable=True),
        sa.Column("ended", sa.String(32), nullable=True),
        sa.Column("precision", sa.String(12), nullable=False),
        _fk("place_id", "places.id", ondelete="SET NULL", nullable=True),
        _fk("incident_id", "incidents.id", ondelete="SET NULL", nullable=True),
        _text("note"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_person_statuses_person_id", "person_statuses", ["person_id"])
    op.create_table(
        "incident_violations",
        _fk("incident_id", "incidents.id", primary_key=True),
        sa.Column("code", sa.String(80), primary_key=True),
    )
    op.create_index("ix_incident_violations_code", "incident_violations", ["code"])
    op.create_table(
        "incident_items",
        _fk("incident_id", "incidents.id", primary_key=True),
        _fk("item_id", "items.id", primary_key=True),
        _text("note"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_incident_items_item_id", "incident_items", ["item_id"])
    op.create_table(
        "incident_persons",
        _id(),
        _fk("incident_id", "incidents.id", nullable=False),
        _fk("person_id", "persons.id", nullable=False),
        sa.Column("role", sa.String(80), nullable=False),
        _text("note"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("incident_id", "person_id", "role", name="uq_incident_persons"),
    )
    op.create_index("ix_incident_persons_incident_id", "incident_persons", ["incident_id"])
    op.create_index("ix_incident_persons_person_id", "incident_persons", ["person_id"])
    op.create_table(
        "item_places",
        _fk("item_id", "items.id", primary_key=True),
        _fk("place_id", "places.id", primary_key=True),
        sa.Column("method", sa.String(8), nullable=False),
        sa.Column("distance_m", sa.Float(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_item_places_place_id", "item_places", ["place_id"])
    op.create_table(
        "item_persons",
        _fk("item_id", "items.id", primary_key=True),
        _fk("person_id", "persons.id", primary_key=True),
        sa.Column("relation", sa.String(40), nullable=False),
        _text("note"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_item_persons_person_id", "item_persons", ["person_id"])
    _create_testimony_tables()
    _create_time_tables()
    op.execute(
        "CREATE VIRTUAL TABLE case_search USING fts5("
        "record UNINDEXED, record_id UNINDEXED, title, body, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    _seed_defaults()


def _create_testimony_tables() -> None:
    op.create_table(
        "testimonies",
        _fk("item_id", "items.id", primary_key=True),
        sa.Column("witness_code", sa.String(40), nullable=False, unique=True),
        _text("pseudonym"),
        _text("interviewer"),
        sa.Column("interview_date", sa.String(32), nullable=True),
        _fk("interview_place_id", "places.id", ondelete="SET NULL", nullable=True),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("translation_language", sa.String(16), nullable=False),
        sa.Column("consent_court", sa.Boolean(), nullable=False),
        sa.Column("consent_advocacy", sa.Boolean(), nullable=False),
        sa.Column("consent_publication", sa.Boolean(), nullable=False),
        sa.Column("anonymity_requested", sa.Boolean(), nullable=False),
        sa.Column("consent_date", sa.String(10), nullable=True),
        sa.Column("consent_method", sa.String(80), nullable=False),
        _text("risk_notes"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "testimony_identities",
        _fk("item_id", "testimonies.item_id", primary_key=True),
        _text("real_name"),
        _text("contact"),
        _text("notes"),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "testimony_versions",
        _id(),
        _fk("item_id", "testimonies.item_id", nullable=False),
        sa.Column("field", sa.String(16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        _text("text"),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _text("actor"),
        _text("note"),
        sa.UniqueConstraint("item_id", "field", "version", name="uq_testimony_versions"),
    )
    op.create_index("ix_testimony_versions_item_id", "testimony_versions", ["item_id"])


def _create_time_tables() -> None:
    op.create_table(
        "clock_corrections",
        _id(),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        _text("device_make", nullable=True),
        _text("device_model", nullable=True),
        _fk("item_id", "items.id", nullable=True, unique=True),
        sa.Column("offset_s", sa.Integer(), nullable=False),
        sa.Column("assume_offset_min", sa.Integer(), nullable=True),
        _text("reason"),
        _text("actor"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("device_make", "device_model", name="uq_clock_corrections_device"),
    )
    op.create_table(
        "item_time_corrections",
        _fk("item_id", "items.id", primary_key=True),
        _fk("correction_id", "clock_corrections.id", nullable=False),
        sa.Column("offset_s", sa.Integer(), nullable=False),
        sa.Column("corrected_local", sa.DateTime(), nullable=False),
        sa.Column("corrected_offset_min", sa.Integer(), nullable=True),
        sa.Column("corrected_utc", sa.DateTime(), nullable=True),
        sa.Column("applied_at", sa.DateTime(), nullable=False),
    )
    op.create_index(
        "ix_item_time_corrections_correction_id", "item_time_corrections", ["correction_id"]
    )
    op.create_table(
        "time_periods",
        _id(),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("code", sa.String(80), nullable=True, unique=True),
        _text("label_en"),
        _text("label_ru"),
        _text("label_kk"),
        sa.Column("start_utc", sa.DateTime(), nullable=False),
        sa.Column("end_utc", sa.DateTime(), nullable=False),
        sa.Column("offset_min", sa.Integer(), nullable=True),
        sa.Column("precision", sa.String(12), nullable=False),
        sa.Column("color", sa.String(16), nullable=False),
        _text("notes"),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )


def _seeded_uuid(kind: str, code: str) -> str:
    return str(uuid.uuid5(UUID_NAMESPACE, f"{kind}:{code}"))


def _seed_defaults() -> None:
    """Insert the shipped vocabularies, gazetteer and periods (this revision's format)."""
    now = datetime.now(UTC).replace(tzinfo=None)
    conn = op.get_bind()
    meta = sa.MetaData()
    tables = {
        name: sa.Table(name, meta, autoload_with=conn)
        for name in ("vocabulary_terms", "places", "place_names", "time_periods")
    }
    for path in sorted(DEFAULTS.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["type"] == "vocabulary":
            _seed_vocabulary(conn, tables["vocabulary_terms"], data)
        elif data["type"] == "gazetteer":
            _seed_places(conn, tables["places"], tables["place_names"], data, now)
        elif data["type"] == "periods":
            _seed_periods(conn, tables["time_periods"], data, now)


def _seed_vocabulary(conn, table: sa.Table, data: dict) -> None:
    rows = [
        {
            "vocabulary": data["vocabulary"],
            "code": term["code"],
            "parent_code": term.get("parent"),
            "label_en": term.get("en", ""),
            "label_ru": term.get("ru", ""),
            "label_kk": term.get("kk", ""),
            "description": term.get("description", ""),
            "position": position,
            "active": True,
            "builtin": True,
        }
        for position, term in enumerate(data["terms"])
    ]
    conn.execute(table.insert(), rows)


def _seed_places(conn, places: sa.Table, names: sa.Table, data: dict, now: datetime) -> None:
    ids: dict[str, int] = {}
    for entry in data["places"]:
        result = conn.execute(
            places.insert().values(
                uuid=_seeded_uuid("place", entry["code"]),
                code=entry["code"],
                name=entry["names"][0][0],
                kind=entry["kind"],
                parent_id=ids.get(entry.get("parent", "")),
                lat=entry.get("lat"),
                lon=entry.get("lon"),
                radius_m=entry.get("radius_m"),
                notes="",
                created_at=now,
            )
        )
        place_id = result.inserted_primary_key[0]
        ids[entry["code"]] = place_id
        conn.execute(
            names.insert(),
            [{"place_id": place_id, "name": name, "lang": lang} for name, lang in entry["names"]],
        )


def _seed_periods(conn, table: sa.Table, data: dict, now: datetime) -> None:
    rows = []
    for entry in data["periods"]:
        start = datetime.fromisoformat(entry["start"])
        end = datetime.fromisoformat(entry["end"])
        offset = start.utcoffset()
        rows.append(
            {
                "uuid": _seeded_uuid("period", entry["code"]),
                "code": entry["code"],
                "label_en": entry.get("en", ""),
                "label_ru": entry.get("ru", ""),
                "label_kk": entry.get("kk", ""),
                "start_utc": start.astimezone(UTC).replace(tzinfo=None),
                "end_utc": end.astimezone(UTC).replace(tzinfo=None),
                "offset_min": int(offset.total_seconds() // 60) if offset is not None else None,
                "precision": entry.get("precision", "day"),
                "color": entry.get("color", ""),
                "notes": entry.get("notes", ""),
                "builtin": True,
                "created_at": now,
            }
        )
    conn.execute(table.insert(), rows)


def downgrade() -> None:
    op.execute("DROP TABLE case_search")
    for table in (
        "time_periods",
        "item_time_corrections",
        "clock_corrections",
        "testimony_versions",
        "testimony_identities",
        "testimonies",
        "item_persons",
        "item_places",
        "incident_persons",
        "incident_items",
        "incident_violations",
        "person_statuses",
        "incidents",
        "person_names",
        "persons",
        "place_names",
        "places",
        "vocabulary_terms",
    ):
        op.drop_table(table)
