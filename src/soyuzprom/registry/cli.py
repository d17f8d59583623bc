"""Registry commands: ``organizations``, ``persons``, ``products``, ``ownerships``, ``regions``
and the ``registry`` group for registry-wide use cases."""

from __future__ import annotations

import typer

from soyuzprom.core.cli_factory import crud_cli
from soyuzprom.registry import schemas as s
from soyuzprom.registry import service
from soyuzprom.registry.foreign_capital_cli import foreign_capital_command

registry_app = typer.Typer(help="Реестр: сводные операции", no_args_is_help=True)
registry_app.command("foreign-capital")(foreign_capital_command)

COMMANDS: dict[str, typer.Typer] = {
    "organizations": crud_cli(
        service.organizations,
        read=s.OrganizationRead,
        create=s.OrganizationCreate,
        update=s.OrganizationUpdate,
        columns=["id", "name", "country", "inn", "unp", "city", "version"],
        help="Организации: предприятия, органы власти, объединения",
    ),
    "persons": crud_cli(
        service.persons,
        read=s.PersonRead,
        create=s.PersonCreate,
        update=s.PersonUpdate,
        columns=["id", "full_name", "country", "version"],
        help="Персоны: руководители и должностные лица",
    ),
    "ownerships": crud_cli(
        service.ownerships,
        read=s.OwnershipRead,
        create=s.OwnershipCreate,
        update=s.OwnershipUpdate,
        columns=["id", "organization_id", "owner_name", "owner_country", "share_percent"],
        help="Доли владения (учредители, иностранный капитал)",
    ),
    "products": crud_cli(
        service.products,
        read=s.ProductRead,
        create=s.ProductCreate,
        update=s.ProductUpdate,
        columns=["id", "name", "okpd2", "tnved", "maker_id"],
        help="Продукция предприятий",
    ),
    "regions": crud_cli(
        service.regions,
        read=s.RegionRead,
        columns=["id", "code", "name", "kind", "fns_code"],
        help="Регионы России и Беларуси",
    ),
    "registry": registry_app,
}
