"""Registry tables: regions, classifiers, organizations and what hangs off them.

Organizations carry Russian identifiers (INN, OGRN, KPP) and the Belarusian UNP, each unique
when present. Foreign capital is an :class:`Ownership` row whose ``owner_country`` is the
ОКСМ code of the owner (112 = Belarus), never a country name.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from soyuzprom.core.models import Audited
from soyuzprom.db import Base

ORGANIZATION_KINDS = ("enterprise", "state_body", "association", "other")
REGION_KINDS = ("country", "subject", "oblast", "city")


class Region(Base):
    """A country, a Russian federal subject or a Belarusian oblast (or Minsk city).

    ``code`` is ISO 3166-2 (``RU-SMO``, ``BY-VI``) or ISO 3166-1 alpha-2 for countries.
    ``fns_code`` is the FNS/KLADR two-digit region code (67 for Smolensk oblast).
    """

    __tablename__ = "regions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(12), nullable=False, unique=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False, index=True)
    name_en: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    type_name: Mapped[str | None] = mapped_column(String(50))
    country: Mapped[str] = mapped_column(String(2), nullable=False, index=True)
    fns_code: Mapped[str | None] = mapped_column(String(2), index=True)
    okato: Mapped[str | None] = mapped_column(String(11), index=True)
    federal_district: Mapped[str | None] = mapped_column(String(100))
    capital: Mapped[str | None] = mapped_column(String(100))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)


class ClassifierEntry(Base):
    """One code of a classifier: OKVED2, OKPD2, OKSM, TN VED."""

    __tablename__ = "classifier_entries"
    __table_args__ = (UniqueConstraint("scheme", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scheme: Mapped[str] = mapped_column(String(20), nullable=False)
    code: Mapped[str] = mapped_column(String(20), nullable=False)
    name: Mapped[str] = mapped_column(Text, nullable=False)
    parent_code: Mapped[str | None] = mapped_column(String(20))
    extra: Mapped[str | None] = mapped_column(String(200))


class Organization(Audited, Base):
    """An enterprise, a state body or an association, Russian, Belarusian or other."""

    __tablename__ = "organizations"
    __table_args__ = (
        CheckConstraint("kind in ('enterprise','state_body','association','other')", name="kind"),
    )

    name: Mapped[str] = mapped_column(String(500), nullable=False, index=True)
    full_name: Mapped[str | None] = mapped_column(String(1000))
    short_name: Mapped[str | None] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20), nullable=False, default="enterprise")
    legal_form: Mapped[str | None] = mapped_column(String(50))
    country: Mapped[str] = mapped_column(String(2), nullable=False, default="RU", index=True)
    region_id: Mapped[int | None] = mapped_column(
        ForeignKey("regions.id", ondelete="SET NULL"), index=True
    )
    city: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(Text)
    inn: Mapped[str | None] = mapped_column(String(12), unique=True)
    ogrn: Mapped[str | None] = mapped_column(String(15), unique=True)
    kpp: Mapped[str | None] = mapped_column(String(9))
    unp: Mapped[str | None] = mapped_column(String(9), unique=True)
    okved_main: Mapped[str | None] = mapped_column(String(10), index=True)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="active")
    sme_category: Mapped[str | None] = mapped_column(String(20))
    description: Mapped[str | None] = mapped_column(Text)
    website: Mapped[str | None] = mapped_column(String(500))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    # Normalised name for matching and deduplication (lower case, ё→е, no legal form/quotes).
    name_key: Mapped[str | None] = mapped_column(String(500), index=True)

    region: Mapped[Region | None] = relationship(lazy="joined")
    aliases: Mapped[list[OrganizationAlias]] = relationship(
        back_populates="organization", cascade="all, delete-orphan", lazy="selectin"
    )
    activities: Mapped[list[OrganizationActivity]] = relationship(
        back_populates="organization", cascade="all, delete-orphan", lazy="selectin"
    )


class OrganizationAlias(Base):
    """Another name of an organization: short form, initialism, colloquial form."""

    __tablename__ = "organization_aliases"
    __table_args__ = (UniqueConstraint("organization_id", "alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), nullable=False, index=True
    )
    alias: Mapped[str] = mapped_column(String(500), nullable=False)
    alias_key: Mapped[str] = mapped_column(String(500), nullable=False, index=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False, default="name")

    organization: Mapped[Organization] = relationship(back_populates="aliases")


class OrganizationActivity(Base):
    """An OKVED2 code of an organization (the main one is also on the organization)."""

    __tablename__ = "organization_activities"
    __table_args__ = (UniqueConstraint("organization_id", "okved"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # No index of its own: the unique (organization_id, okved) index serves lookups by
    # organization, and one index less is ~10 % of a bulk import's writes here.
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), nullable=False
    )
    okved: Mapped[str] = mapped_column(String(10), nullable=False, index=True)
    is_main: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)

    organization: Mapped[Organization] = relationship(back_populates="activities")


class Person(Audited, Base):
    """An official or a manager; roles tie them to organizations and regions."""

    __tablename__ = "persons"

    full_name: Mapped[str] = mapped_column(String(300), nullable=False, index=True)
    first_name: Mapped[str | None] = mapped_column(String(100))
    last_name: Mapped[str | None] = mapped_column(String(100), index=True)
    patronymic: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str | None] = mapped_column(String(2))
    inn: Mapped[str | None] = mapped_column(String(12), unique=True)

    roles: Mapped[list[PersonRole]] = relationship(
        back_populates="person", cascade="all, delete-orphan", lazy="selectin"
    )


class PersonRole(Base):
    """A role of a person ("губернатор Смоленской области") in an organization or region."""

    __tablename__ = "person_roles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("persons.id", ondelete="CASCADE"), nullable=False, index=True
    )
    role: Mapped[str] = mapped_column(String(500), nullable=False)
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id", ondelete="SET NULL"))
    since: Mapped[date | None] = mapped_column(Date)
    till: Mapped[date | None] = mapped_column(Date)

    person: Mapped[Person] = relationship(back_populates="roles")


class Ownership(Audited, Base):
    """A share of an organization held by an organization, a person, or a named owner.

    ``owner_country`` is the ОКСМ numeric code of the owner's country (``"112"`` Belarus).
    ``share_percent`` is 0..100; ``share_nominal`` the nominal value in roubles.
    """

    __tablename__ = "ownerships"
    __table_args__ = (
        CheckConstraint(
            "share_percent is null or (share_percent >= 0 and share_percent <= 100)",
            name="share_range",
        ),
        CheckConstraint(
            "owner_kind in ('organization','person','state','other')", name="owner_kind"
        ),
    )

    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), nullable=False, index=True
    )
    owner_kind: Mapped[str] = mapped_column(String(20), nullable=False, default="organization")
    owner_organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )
    owner_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL"), index=True
    )
    owner_name: Mapped[str | None] = mapped_column(String(500))
    owner_identifier: Mapped[str | None] = mapped_column(String(50))
    owner_country: Mapped[str | None] = mapped_column(String(3), index=True)
    share_percent: Mapped[float | None] = mapped_column(Float)
    share_nominal: Mapped[float | None] = mapped_column(Float)
    as_of: Mapped[date | None] = mapped_column(Date)


class Product(Audited, Base):
    """What an organization makes, classified by OKPD2 and TN VED."""

    __tablename__ = "products"

    name: Mapped[str] = mapped_column(String(1000), nullable=False, index=True)
    okpd2: Mapped[str | None] = mapped_column(String(20), index=True)
    tnved: Mapped[str | None] = mapped_column(String(100), index=True)
    maker_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )
    description: Mapped[str | None] = mapped_column(Text)

    registry_entries: Mapped[list[ProductRegistryEntry]] = relationship(
        back_populates="product", cascade="all, delete-orphan", lazy="selectin"
    )


class ProductRegistryEntry(Base):
    """An entry of a product in a registry (Minpromtorg PP 719 registry, the EAEU one)."""

    __tablename__ = "product_registry_entries"
    __table_args__ = (UniqueConstraint("registry", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), nullable=False, index=True
    )
    registry_name: Mapped[str] = mapped_column(
        "registry", String(20), nullable=False, default="pp719"
    )
    number: Mapped[str] = mapped_column(String(100), nullable=False)
    points: Mapped[float | None] = mapped_column(Float)
    percentage: Mapped[float | None] = mapped_column(Float)
    score_description: Mapped[str | None] = mapped_column(Text)
    regulation: Mapped[str | None] = mapped_column(Text)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_till: Mapped[date | None] = mapped_column(Date)
    ended: Mapped[date | None] = mapped_column(Date)

    product: Mapped[Product] = relationship(back_populates="registry_entries")
