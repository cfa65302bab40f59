"""Importing and exporting the learning catalogue as a workbook: a preview of every row, every
problem reported with its row and column, all or nothing (the services' own refusals included),
idempotent, an export that imports back unchanged, text never a formula, publishers only."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from integrations.models import ImportBatch
from integrations.spreadsheets.reading import FileProblem
from learning_catalogue.imports import catalogue as catalogue_import
from learning_catalogue.imports.catalogue import catalogue_import_batch_create
from learning_catalogue.models import Activity, ActivityStatus
from learning_catalogue.services.activities import activity_save, activity_set_status
from teams.models import AuditEntry
from tests.factories import TeamFactory
from tests.learning_catalogue.catalogue_data import fmt, small_catalogue, topic
from tests.spreadsheets import csv_bytes, xlsx

HEADERS = [
    "Reference",
    "Title",
    "Summary",
    "Format",
    "Topics",
    "Duration minutes",
    "Delivery mode",
    "Provider",
    "Provider name",
    "Cost per place",
    "Other direct costs",
    "Link",
    "Resource",
    "Captions",
    "Transcript",
    "British Sign Language",
    "Career stages",
    "Roles",
    "Teams",
    "Co-designed with",
    "Status",
]
FORMULA = '=HYPERLINK("http://evil.example","click")'


def rows():
    return [
        {
            "Title": "Trauma-informed practice",
            "Summary": "Working with people who have lived through harm.",
            "Format": "webinar",
            "Topics": "Mental health;  safeguarding ADULTS ",
            "Duration minutes": "90",
            "Delivery mode": "Scheduled sessions",
            "Provider": "External",
            "Provider name": "Research in Practice",
            "Cost per place": "45.50",
            "Other direct costs": "£1,200",
            "Link": "https://learning.example/trauma",
            "Captions": "Yes",
            "Transcript": "no",
            "Career stages": "Newly qualified; experienced",
            "Roles": "Practitioner; Team manager",
            "Teams": "Assessment Team 1; Hospital Team",
            "Co-designed with": "People with lived experience",
            "Status": "Published",
        },
        {
            "Title": FORMULA,
            "Format": "Podcast",
            "Duration minutes": 30,
            "Delivery mode": "on_demand",
            "Resource": "Intranet, Podcasts page",
        },
    ]


def upload(client, content, name="catalogue.xlsx"):
    return client.post(
        reverse("learning_catalogue:catalogue-import"), {"file": SimpleUploadedFile(name, content)}
    )


def activity_audits():
    return AuditEntry.objects.filter(action__startswith="activity.").count()


@pytest.mark.parametrize("make_file", [xlsx, csv_bytes], ids=["xlsx", "csv"])
def test_a_valid_file_previews_then_creates_exactly_what_it_says(world, client, make_file):
    client.force_login(world.ld_lead)
    suffix = ".xlsx" if make_file is xlsx else ".csv"
    response = upload(client, make_file(rows(), headers=HEADERS), f"catalogue{suffix}")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert 'data-outcome="create">2<' in page and "Import 2 changes" in page
    assert "=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)" in page
    assert not Activity.objects.exists()

    done = client.post(response["Location"], follow=True).content.decode()
    assert "2 activities added, 0 changed, 0 unchanged" in done
    trauma = Activity.objects.get(title="Trauma-informed practice")
    assert trauma.organisation == world.organisation and trauma.created_by == world.ld_lead
    assert trauma.format == fmt(world.ld_lead, "Webinar")
    assert {t.name for t in trauma.topics.all()} == {"Mental health", "Safeguarding adults"}
    assert set(trauma.audience_teams.all()) == {world.team_a, world.team_c}
    assert (trauma.duration_minutes, trauma.delivery_mode) == (90, "scheduled")
    assert (trauma.provider_kind, trauma.provider_name) == ("external", "Research in Practice")
    assert trauma.cost_per_place == Decimal("45.50")
    assert trauma.other_direct_costs == Decimal("1200.00")
    assert (trauma.has_captions, trauma.has_transcript, trauma.has_british_sign_language) == (
        True,
        False,
        False,
    )
    assert trauma.audience_career_stages == ["newly_qualified", "experienced"]
    assert trauma.audience_roles == ["practitioner", "team_manager"]
    assert trauma.co_designed_with == "People with lived experience"
    assert trauma.status == ActivityStatus.PUBLISHED and trauma.published_at is not None
    assert "trauma" in trauma.search_text and "research" in trauma.search_text

    podcast = Activity.objects.get(format__name="Podcast")
    assert podcast.title == FORMULA  # the literal text, never a formula's result
    assert (podcast.status, podcast.provider_kind, podcast.cost_per_place) == (
        "draft",
        "internal",
        Decimal("0.00"),
    )
    assert not podcast.topics.exists() and not podcast.audience_teams.exists()
    assert AuditEntry.objects.filter(action="activity.create").count() == 2
    assert AuditEntry.objects.filter(action="activity.published").count() == 1
    assert AuditEntry.objects.filter(action="catalogue_import.apply").count() == 1


def test_importing_the_same_file_again_changes_nothing(world, client):
    content = xlsx(rows(), headers=HEADERS)
    client.force_login(world.ld_lead)
    client.post(upload(client, content)["Location"])
    assert Activity.objects.count() == 2
    audits = activity_audits()

    again = upload(client, content)
    page = client.get(again["Location"]).content.decode()
    for outcome, count in (("create", 0), ("update", 0), ("unchanged", 2), ("error", 0)):
        assert f'data-outcome="{outcome}">{count}<' in page
    assert "There is nothing to import." in page and "Import 0" not in page
    batch = ImportBatch.objects.get(pk=again["Location"].rstrip("/").rsplit("/", 1)[1])
    summary = catalogue_import.catalogue_import_apply(actor=world.ld_lead, batch=batch)
    assert summary == {"create": 0, "update": 0, "unchanged": 2, "error": 0}
    assert Activity.objects.count() == 2
    assert activity_audits() == audits  # unchanged rows are not saved or audited again


def test_every_problem_is_reported_and_nothing_is_written(world, client):
    published = activity_save(
        actor=world.ld_lead,
        values={
            "title": "Published already",
            "format": fmt(world.ld_lead, "Reading"),
            "duration_minutes": 20,
            "delivery_mode": "on_demand",
            "link": "https://learning.example/published",
        },
    )
    activity_set_status(actor=world.ld_lead, activity=published, status="published")
    before_activities, before_audits = Activity.objects.count(), AuditEntry.objects.count()
    good = rows()[0]
    bad = [
        good,
        {**good, "Title": "Unknown format", "Format": "Interpretive dance"},
        {**good, "Title": "Bad duration", "Duration minutes": "ninety"},
        {**good, "Title": "Bad cost", "Cost per place": "12.345", "Other direct costs": "-5"},
        {**good, "Title": "Unknown topic", "Topics": "Mental health; Astrology"},
        {**good, "Title": FORMULA, "Link": FORMULA, "Captions": "maybe"},
        {**good, "Title": "Unknown team", "Teams": "Moon Team", "Roles": "Astronaut"},
        {**good, "Title": "Published already", "Status": "Draft"},
        {**good, "Title": "", "Delivery mode": "By carrier pigeon"},
        {**good, "Title": "Trauma-informed practice"},
        {**good, "Reference": "999999", "Title": "No such reference"},
    ]
    client.force_login(world.ld_lead)
    response = upload(client, xlsx(bad, headers=HEADERS))
    page = client.get(response["Location"]).content.decode()
    expected = [
        ("3", "Format", "There is no format called &#x27;Interpretive dance&#x27;"),
        ("4", "Duration minutes", "&#x27;ninety&#x27; is not a whole number of minutes"),
        ("5", "Cost per place", "&#x27;12.345&#x27; has more than 2 decimal places"),
        ("5", "Other direct costs", "A cost cannot be negative"),
        ("6", "Topics", "There is no topic called &#x27;Astrology&#x27;"),
        ("7", "Link", "Enter a valid URL."),
        ("7", "Captions", "&#x27;maybe&#x27; is not Yes or No."),
        ("8", "Teams", "There is no team called &#x27;Moon Team&#x27;"),
        ("8", "Roles", "&#x27;Astronaut&#x27; is not a role."),
        ("9", "Status", "A published activity cannot become draft."),
        ("10", "Title", "Enter the activity&#x27;s title."),
        ("10", "Delivery mode", "&#x27;By carrier pigeon&#x27; is not a delivery mode."),
        ("11", "Title", "Row 2 is the same activity; keep one of them."),
        ("12", "Reference", "No activity in your catalogue has the reference &#x27;999999&#x27;"),
    ]
    problems = page.split('id="problems"')[1].split("</table>")[0]
    for row, column, message in expected:
        assert (
            f'<th scope="row" class="govuk-table__header">{row}</th>'
            f'<td class="govuk-table__cell">{column}</td><td class="govuk-table__cell">{message}'
        ) in problems, (row, column, message)
        assert f"{column}: {message}" in page  # and beside the row in the table of every row
    assert f"{len(expected)} problems to fix before importing" in page
    assert 'data-outcome="error">10<' in page and 'data-outcome="create">1<' in page
    assert "=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)" in page
    assert "Import " not in page  # a file with a problem cannot be confirmed

    confirm = client.post(response["Location"])
    assert confirm.status_code == 409
    assert Activity.objects.count() == before_activities
    assert AuditEntry.objects.count() == before_audits
    published.refresh_from_db()
    assert published.status == ActivityStatus.PUBLISHED


def test_refusals_from_the_services_become_row_errors_and_roll_everything_back(
    world, client, monkeypatch
):
    real_save = catalogue_import.activity_save

    def refuse_the_second(**kwargs):
        if kwargs["values"]["title"] == FORMULA:
            raise ValidationError({"title": "Refused by the catalogue.", "topics": "And this."})
        return real_save(**kwargs)

    monkeypatch.setattr(catalogue_import, "activity_save", refuse_the_second)
    client.force_login(world.ld_lead)
    response = upload(client, xlsx(rows(), headers=HEADERS))
    confirm = client.post(response["Location"])
    page = confirm.content.decode()
    assert confirm.status_code == 409
    assert "The catalogue refused some rows, so nothing was imported." in page
    refused = page.split('id="refused"')[1].split("</table>")[0]
    assert ">3<" in refused and ">Title<" in refused and "Refused by the catalogue." in refused
    assert ">Topics<" in refused and "And this." in refused
    # The first row was saved and published before the second was refused: both rolled back.
    assert not Activity.objects.exists()
    assert not AuditEntry.objects.exists()
    assert ImportBatch.objects.get().applied_at is None


def test_rows_match_by_reference_or_title_and_only_the_columns_given_change(world, client):
    kept = activity_save(
        actor=world.ld_lead,
        values={
            "title": "Court skills",
            "summary": "Giving evidence.",
            "format": fmt(world.ld_lead, "Webinar"),
            "duration_minutes": 60,
            "delivery_mode": "scheduled",
            "cost_per_place": Decimal("10.00"),
        },
        topics=[topic(world.ld_lead, "Law and policy")],
    )
    renamed = activity_save(
        actor=world.ld_lead,
        values={
            "title": "Old name",
            "format": fmt(world.ld_lead, "Reading"),
            "duration_minutes": 15,
            "delivery_mode": "on_demand",
        },
    )
    headers = [
        "Reference",
        "Title",
        "Format",
        "Duration minutes",
        "Delivery mode",
        "Cost per place",
    ]
    content = xlsx(
        [
            {
                "Title": "COURT SKILLS",
                "Format": "Webinar",
                "Duration minutes": 60,
                "Delivery mode": "Scheduled sessions",
                "Cost per place": "12.5",
            },
            {
                "Reference": renamed.pk,
                "Title": "New name",
                "Format": "Reading",
                "Duration minutes": 15,
                "Delivery mode": "On demand",
                "Cost per place": "",
            },
        ],
        headers=headers,
    )
    client.force_login(world.ld_lead)
    response = upload(client, content)
    page = client.get(response["Location"]).content.decode()
    assert 'data-outcome="update">2<' in page
    assert "Changes: Title, Cost per place" in page and "Changes: Title<" in page
    client.post(response["Location"])
    kept.refresh_from_db()
    renamed.refresh_from_db()
    assert (kept.title, kept.cost_per_place, kept.summary) == (
        "COURT SKILLS",
        Decimal("12.50"),
        "Giving evidence.",
    )
    assert [t.name for t in kept.topics.all()] == ["Law and policy"]  # no Topics column
    assert renamed.title == "New name"
    assert Activity.objects.count() == 2
    assert AuditEntry.objects.filter(action="activity.update").count() == 2


def test_a_title_shared_by_two_activities_needs_a_reference(world, client):
    for _ in range(2):
        activity_save(
            actor=world.ld_lead,
            values={
                "title": "Court skills",
                "format": fmt(world.ld_lead, "Webinar"),
                "duration_minutes": 60,
                "delivery_mode": "scheduled",
            },
        )
    client.force_login(world.ld_lead)
    content = xlsx(
        [
            {**rows()[0], "Title": "court skills"},
            {**rows()[0], "Title": "Two topics", "Topics": "Mental health, Law and policy"},
        ],
        headers=HEADERS,
    )
    page = client.get(upload(client, content)["Location"]).content.decode()
    assert "Title: 2 activities are called &#x27;court skills&#x27;. Give the Reference" in page
    assert "Separate topics with ;" in page


def test_an_export_imports_back_unchanged_and_formula_text_stays_text(world, client):
    small_catalogue(world.ld_lead)
    twin = TeamFactory(organisation=world.organisation, name="Hospital Team", parent=world.children)
    tricky = activity_save(
        actor=world.ld_lead,
        values={
            "title": "=SUM(1,2) and other spreadsheet tricks",
            "summary": "+44 20 7946 0000\nand a second line",
            "format": fmt(world.ld_lead, "Mentoring"),
            "duration_minutes": 45,
            "delivery_mode": "arranged",
            "provider_kind": "external",
            "provider_name": "@mentors",
            "cost_per_place": Decimal("99.99"),
            "other_direct_costs": Decimal("1234567.80"),
            "has_british_sign_language": True,
            "audience_career_stages": ["student"],
            "audience_roles": ["ld_lead", "org_admin"],
            "co_designed_with": "-Care leavers",
        },
        topics=[topic(world.ld_lead, "Digital practice"), topic(world.ld_lead, "Mental health")],
        audience_teams=[world.team_c, twin, world.team_b],
    )
    activity_set_status(actor=world.ld_lead, activity=tricky, status="published")
    activity_set_status(actor=world.ld_lead, activity=tricky, status="retired")
    count, audits = Activity.objects.count(), activity_audits()

    client.force_login(world.ld_lead)
    response = client.get(reverse("learning_catalogue:catalogue-export"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="catalogue.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == HEADERS
    assert sheet.max_row == count + 1
    by_title = {row[1].value: row for row in sheet.iter_rows(min_row=2)}
    row = by_title["=SUM(1,2) and other spreadsheet tricks"]
    for index in (1, 2, 8, 19):  # Title, Summary, Provider name, Co-designed with
        assert row[index].data_type == "s" and row[index].quotePrefix
    assert row[0].value == tricky.pk and row[9].value == 99.99
    assert (
        row[18].value
        == "Adult Services / Hospital Team; Assessment Team 2; Children's Services / Hospital Team"
    )
    assert row[20].value == "Retired"

    reimport = upload(client, response.content, "catalogue.xlsx")
    page = client.get(reimport["Location"]).content.decode()
    assert f'data-outcome="unchanged">{count}<' in page, page
    assert 'data-outcome="create">0<' in page and 'data-outcome="update">0<' in page
    assert Activity.objects.count() == count and activity_audits() == audits


def test_the_template_has_the_columns_and_the_organisations_lists(world, client):
    client.force_login(world.org_admin)
    response = client.get(reverse("learning_catalogue:catalogue-import-template"))
    workbook = load_workbook(io.BytesIO(response.content))
    assert [cell.value for cell in workbook.worksheets[0][1]] == HEADERS
    assert workbook.worksheets[0].max_row == 1  # no example row to import by mistake
    lists = workbook.worksheets[1]
    formats = {row[0] for row in lists.iter_rows(min_row=2, values_only=True)}
    topics = {row[1] for row in lists.iter_rows(min_row=2, values_only=True)}
    assert {"Podcast", "Webinar", "Shadowing"} <= formats
    assert {"Mental health", "Digital practice"} <= topics


def test_unreadable_files_are_refused_and_nothing_is_kept(world, client, settings):
    with pytest.raises(FileProblem, match="not recognised: Shoe size"):
        catalogue_import_batch_create(
            actor=world.ld_lead,
            filename="c.csv",
            content=csv_bytes([{"Title": "A"}], headers=["Title", "Shoe size"]),
        )
    with pytest.raises(FileProblem, match="needs these columns: Format, Duration minutes"):
        catalogue_import_batch_create(
            actor=world.ld_lead,
            filename="c.csv",
            content=csv_bytes([{"Title": "A"}], headers=["Title"]),
        )
    settings.IMPORT_MAX_ROWS = 1
    client.force_login(world.ld_lead)
    html = upload(client, xlsx(rows(), headers=HEADERS)).content.decode()
    assert "import at most 1 rows at a time" in html
    settings.IMPORT_MAX_BYTES = 1000
    html = upload(client, b"x" * 2000).content.decode()
    assert "the largest file you can upload is" in html
    assert not ImportBatch.objects.exists()


@pytest.mark.parametrize("who", ["practitioner_a", "manager_a", "service_manager"])
def test_only_ld_leads_and_org_admins_may_import_or_export(world, client, who):
    batch = catalogue_import_batch_create(
        actor=world.ld_lead, filename="c.xlsx", content=xlsx(rows(), headers=HEADERS)
    )
    client.force_login(getattr(world, who))
    preview = reverse("learning_catalogue:catalogue-import-preview", args=[batch.pk])
    for method, url in (
        ("get", reverse("learning_catalogue:catalogue-import")),
        ("post", reverse("learning_catalogue:catalogue-import")),
        ("get", reverse("learning_catalogue:catalogue-import-template")),
        ("get", preview),
        ("post", preview),
        ("get", reverse("learning_catalogue:catalogue-export")),
    ):
        assert getattr(client, method)(url).status_code == 403, (method, url)
    assert not Activity.objects.exists()


def test_another_organisations_publisher_sees_neither_the_upload_nor_the_catalogue(world, client):
    small_catalogue(world.ld_lead)
    batch = catalogue_import_batch_create(
        actor=world.ld_lead, filename="c.xlsx", content=xlsx(rows(), headers=HEADERS)
    )
    client.force_login(world.outsider)
    preview = reverse("learning_catalogue:catalogue-import-preview", args=[batch.pk])
    assert client.get(preview).status_code == 404
    assert client.post(preview).status_code == 404
    export = client.get(reverse("learning_catalogue:catalogue-export"))
    assert load_workbook(io.BytesIO(export.content)).active.max_row == 1
    client.logout()
    assert client.get(reverse("learning_catalogue:catalogue-import")).status_code == 302


def test_the_preview_takes_the_same_queries_for_2_rows_or_40(world, client, page_cost):
    client.force_login(world.ld_lead)
    small_catalogue(world.ld_lead)
    many = [{**rows()[0], "Title": f"Activity {number}"} for number in range(40)]
    counts = []
    for content in (xlsx(rows(), headers=HEADERS), xlsx(many, headers=HEADERS)):
        url = upload(client, content)["Location"]
        counts.append(page_cost(url, warm_up=False)[0])
    assert counts[0] == counts[1] <= 15, counts  # no query per row
