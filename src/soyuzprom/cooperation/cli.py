"""Cooperation commands: ``links``, ``projects``, ``agreements``, ``commitments``,
``indicators``."""

from __future__ import annotations

import typer

from soyuzprom.cooperation import schemas as s
from soyuzprom.cooperation import service
from soyuzprom.core.cli_factory import crud_cli

COMMANDS: dict[str, typer.Typer] = {
    "links": crud_cli(
        service.links,
        read=s.LinkRead,
        create=s.LinkCreate,
        update=s.LinkUpdate,
        columns=[
            "id",
            "type",
            "from_organization_id",
            "to_organization_id",
            "to_region_id",
            "object",
            "status",
        ],
        help="Кооперационные связи: поставки, совместное производство, сервисные центры",
    ),
    "projects": crud_cli(
        service.projects,
        read=s.ProjectRead,
        create=s.ProjectCreate,
        update=s.ProjectUpdate,
        columns=["id", "name", "stage", "amount", "currency", "host_region_id"],
        help="Инвестиционные и совместные проекты",
    ),
    "agreements": crud_cli(
        service.agreements,
        read=s.AgreementRead,
        create=s.AgreementCreate,
        update=s.AgreementUpdate,
        columns=["id", "kind", "date", "title", "event"],
        help="Соглашения и встречи",
    ),
    "commitments": crud_cli(
        service.commitments,
        read=s.CommitmentRead,
        create=s.CommitmentCreate,
        update=s.CommitmentUpdate,
        columns=["id", "agreement_id", "text", "due_date", "status"],
        help="Поручения и обязательства по соглашениям и встречам",
    ),
    "indicators": crud_cli(
        service.indicators,
        read=s.IndicatorRead,
        create=s.IndicatorCreate,
        update=s.IndicatorUpdate,
        columns=[
            "id",
            "metric",
            "subject_region_id",
            "counterpart_region_id",
            "period",
            "value",
            "unit",
            "qualifier",
        ],
        help="Показатели: товарооборот, число предприятий, проекты",
    ),
}
