"""Case records: testimonies, incidents, persons, places, vocabularies, periods, clocks.

Modelled on the HURIDOCS Events Standard Formats (event, act, victim,
perpetrator, source) but flattened for one researcher on a laptop: an
incident is the event, its violation types are the acts, persons take roles
in incidents, and catalogue items (files and testimonies) are the sources.

Records of this module are analysis, not evidence: they change as the
research progresses, while the items they point to never change. Codes from
vocabularies are stored as text (not foreign keys) so that a team can swap
or import a thesaurus without rewriting every incident.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from evidence_desk.db.models import Base


class VocabularyTerm(Base):
    """One term of an editable thesaurus; ``parent_code`` makes a hierarchy."""

    __tablename__ = "vocabulary_terms"

    id: Mapped[int] = mapped_column(primary_key=True)
    vocabulary: Mapped[str] = mapped_column(String(40), index=True)
    code: Mapped[str] = mapped_column(String(80))
    parent_code: Mapped[str | None] = mapped_column(String(80))
    label_en: Mapped[str] = mapped_column(Text, default="")
    label_ru: Mapped[str] = mapped_column(Text, default="")
    label_kk: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (UniqueConstraint("vocabulary", "code", name="uq_vocabulary_terms"),)


class Place(Base):
    """A gazetteer entry; ``parent`` gives square → city → region → country."""

    __tablename__ = "places"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    code: Mapped[str | None] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16), default="site")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"), index=True)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    radius_m: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)

    names: Mapped[list[PlaceName]] = relationship(
        back_populates="place", order_by="PlaceName.id", cascade="all, delete-orphan"
    )


class PlaceName(Base):
    """A name variant: a script, a language or one more transliteration."""

    __tablename__ = "place_names"

    id: Mapped[int] = mapped_column(primary_key=True)
    place_id: Mapped[int] = mapped_column(ForeignKey("places.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    lang: Mapped[str] = mapped_column(String(8), default="")

    place: Mapped[Place] = relationship(back_populates="names")

    __table_args__ = (UniqueConstraint("place_id", "name", name="uq_place_names"),)


class Person(Base):
    """An individual or a unit (alleged perpetrators are often units).

    A merged record stays as a tombstone pointing at the survivor, so that
    references made elsewhere (bundles, notes) still resolve.
    """

    __tablename__ = "persons"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(16), default="individual")
    sex: Mapped[str | None] = mapped_column(String(16))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    age: Mapped[int | None] = mapped_column(Integer)
    age_date: Mapped[str | None] = mapped_column(String(10))
    occupation: Mapped[str] = mapped_column(Text, default="")
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    names: Mapped[list[PersonName]] = relationship(
        back_populates="person", order_by="PersonName.position", cascade="all, delete-orphan"
    )
    statuses: Mapped[list[PersonStatus]] = relationship(
        back_populates="person",
        order_by="[PersonStatus.started, PersonStatus.id]",
        cascade="all, delete-orphan",
    )


class PersonName(Base):
    """A name or alias in one script or spelling; the first ``name`` is the display name."""

    __tablename__ = "person_names"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(8), default="name")
    lang: Mapped[str] = mapped_column(String(8), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    person: Mapped[Person] = relationship(back_populates="names")

    __table_args__ = (UniqueConstraint("person_id", "name", name="uq_person_names"),)


class PersonStatus(Base):
    """A dated status (detained, released, killed…); ISO dates sort as text."""

    __tablename__ = "person_statuses"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(80))
    started: Mapped[str | None] = mapped_column(String(32))
    ended: Mapped[str | None] = mapped_column(String(32))
    precision: Mapped[str] = mapped_column(String(12), default="day")
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id", ondelete="SET NULL"))
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)

    person: Mapped[Person] = relationship(back_populates="statuses")


class Incident(Base):
    """What happened, where and when; times are kept like capture times.

    ``*_local`` is the wall-clock reading, ``*_offset_min`` its UTC offset when
    known, and ``*_sort`` the UTC instant (or wall clock when the offset is
    unknown) that the timeline orders by.
    """

    __tablename__ = "incidents"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    start_local: Mapped[datetime | None] = mapped_column(DateTime)
    start_offset_min: Mapped[int | None] = mapped_column(Integer)
    start_precision: Mapped[str | None] = mapped_column(String(12))
    start_sort: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    end_local: Mapped[datetime | None] = mapped_column(DateTime)
    end_offset_min: Mapped[int | None] = mapped_column(Integer)
    end_precision: Mapped[str | None] = mapped_column(String(12))
    end_sort: Mapped[datetime | None] = mapped_column(DateTime)
    place_id: Mapped[int | None] = mapped_column(
        ForeignKey("places.id", ondelete="SET NULL"), index=True
    )
    verification: Mapped[str] = mapped_column(String(20), default="unverified", index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    violations: Mapped[list[IncidentViolation]] = relationship(
        order_by="IncidentViolation.code", cascade="all, delete-orphan"
    )
    place: Mapped[Place | None] = relationship()


class IncidentViolation(Base):
    __tablename__ = "incident_violations"

    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(80), primary_key=True, index=True)


class IncidentItem(Base):
    """A catalogue item (file or testimony) that documents an incident."""

    __tablename__ = "incident_items"

    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[int] = mapped_column(
        ForeignKey("items.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class IncidentPerson(Base):
    """A person's role in one incident (victim, witness, alleged perpetrator…)."""

    __tablename__ = "incident_persons"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(80))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (
        UniqueConstraint("incident_id", "person_id", "role", name="uq_incident_persons"),
    )


class ItemPlace(Base):
    """Where an item was made: matched from its GPS position or set by hand."""

    __tablename__ = "item_places"

    item_id: Mapped[int] = mapped_column(
        ForeignKey("items.id", ondelete="CASCADE"), primary_key=True
    )
    place_id: Mapped[int] = mapped_column(
        ForeignKey("places.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    method: Mapped[str] = mapped_column(String(8))
    distance_m: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ItemPerson(Base):
    """A person shown in or mentioned by an item."""

    __tablename__ = "item_persons"

    item_id: Mapped[int] = mapped_column(
        ForeignKey("items.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    relation: Mapped[str] = mapped_column(String(40), default="depicted")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Testimony(Base):
    """The form of a testimony item (``Item.kind == "testimony"``).

    Only the witness code and pseudonym identify the witness here; the real
    identity is in :class:`TestimonyIdentity`, which nothing reads by default.
    Statement and translation texts live in :class:`TestimonyVersion`.
    """

    __tablename__ = "testimonies"

    item_id: Mapped[int] = mapped_column(
        ForeignKey("items.id", ondelete="CASCADE"), primary_key=True
    )
    witness_code: Mapped[str] = mapped_column(String(40), unique=True)
    pseudonym: Mapped[str] = mapped_column(Text, default="")
    interviewer: Mapped[str] = mapped_column(Text, default="")
    interview_date: Mapped[str | None] = mapped_column(String(32))
    interview_place_id: Mapped[int | None] = mapped_column(
        ForeignKey("places.id", ondelete="SET NULL")
    )
    language: Mapped[str] = mapped_column(String(16), default="")
    translation_language: Mapped[str] = mapped_column(String(16), default="")
    consent_court: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_advocacy: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_publication: Mapped[bool] = mapped_column(Boolean, default=False)
    anonymity_requested: Mapped[bool] = mapped_column(Boolean, default=True)
    consent_date: Mapped[str | None] = mapped_column(String(10))
    consent_method: Mapped[str] = mapped_column(String(80), default="")
    risk_notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class TestimonyIdentity(Base):
    """Protected fields: who the witness really is and how to reach them."""

    __tablename__ = "testimony_identities"

    item_id: Mapped[int] = mapped_column(
        ForeignKey("testimonies.item_id", ondelete="CASCADE"), primary_key=True
    )
    real_name: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class TestimonyVersion(Base):
    """One version of the statement (or its translation), never updated."""

    __tablename__ = "testimony_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("testimonies.item_id", ondelete="CASCADE"), index=True
    )
    field: Mapped[str] = mapped_column(String(16))
    version: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        UniqueConstraint("item_id", "field", "version", name="uq_testimony_versions"),
    )


class ClockCorrection(Base):
    """A clock error of one device (make + model) or of one item, in seconds.

    ``assume_offset_min`` supplies the UTC offset for readings that lack one,
    so that a phone known to be on Almaty time sorts with the rest.
    """

    __tablename__ = "clock_corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    device_make: Mapped[str | None] = mapped_column(Text)
    device_model: Mapped[str | None] = mapped_column(Text)
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("items.id", ondelete="CASCADE"), unique=True
    )
    offset_s: Mapped[int] = mapped_column(Integer)
    assume_offset_min: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (
        UniqueConstraint("device_make", "device_model", name="uq_clock_corrections_device"),
    )


class ItemTimeCorrection(Base):
    """The correction currently applied to an item and the corrected reading.

    The item's own ``captured_*`` fields keep the original; only
    ``Item.captured_sort`` follows the corrected instant.
    """

    __tablename__ = "item_time_corrections"

    item_id: Mapped[int] = mapped_column(
        ForeignKey("items.id", ondelete="CASCADE"), primary_key=True
    )
    correction_id: Mapped[int] = mapped_column(
        ForeignKey("clock_corrections.id", ondelete="CASCADE"), index=True
    )
    offset_s: Mapped[int] = mapped_column(Integer)
    corrected_local: Mapped[datetime] = mapped_column(DateTime)
    corrected_offset_min: Mapped[int | None] = mapped_column(Integer)
    corrected_utc: Mapped[datetime | None] = mapped_column(DateTime)
    applied_at: Mapped[datetime] = mapped_column(DateTime)


class TimePeriod(Base):
    """A named span drawn as a band on the timeline (e.g. the internet shutdown)."""

    __tablename__ = "time_periods"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    code: Mapped[str | None] = mapped_column(String(80), unique=True)
    label_en: Mapped[str] = mapped_column(Text, default="")
    label_ru: Mapped[str] = mapped_column(Text, default="")
    label_kk: Mapped[str] = mapped_column(Text, default="")
    start_utc: Mapped[datetime] = mapped_column(DateTime)
    end_utc: Mapped[datetime] = mapped_column(DateTime)
    offset_min: Mapped[int | None] = mapped_column(Integer)
    precision: Mapped[str] = mapped_column(String(12), default="day")
    color: Mapped[str] = mapped_column(String(16), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
