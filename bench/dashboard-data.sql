-- bench/dashboard.sh's data: @engagements engagements (1,000,000 unless
-- set) spread over eleven strategy years, July 2015 to June 2026, with
-- 20,000 people, 2,000 organisations and ten policy areas, linked as a
-- busy public affairs team's would be: one to three people, an
-- organisation on half of them, one or two policy areas.  Everything is
-- arithmetic on the row number, so every run makes the same data.
--
-- Needs the migrations (007 brings the KPIs and their rules) on an empty
-- database.  The KPI triggers are skipped while loading
-- (@tracker_kpi_bulk) and kpi_rebuild() counts everything at the end, as
-- the migration's comment says a bulk load must.

SET @engagements = IFNULL(@engagements, 1000000);
SET @people = 20000;
SET @orgs = 2000;
SET @days = DATEDIFF('2026-06-30', '2015-07-01') + 1;
SET @tracker_kpi_bulk = 1;

INSERT IGNORE INTO policy_areas (name, priority, retired) VALUES
	('Racial justice', 0, 0), ('Unaccompanied children', 1, 0),
	('Refugee inclusion', 1, 0), ('Legal support', 1, 0),
	('Safe routes', 0, 0), ('Asylum accommodation', 0, 0),
	('International displacement', 0, 0), ('Social cohesion', 0, 0),
	('Right to work', 0, 0), ('Family reunion', 0, 0);

-- Kinds in proportion: councils, departments, FCDO desks, outlets,
-- coalitions, faith bodies, NGOs, HIAS country offices.
INSERT INTO organisations (name, kind, medium, website, notes, created_at,
    updated_at)
SELECT CONCAT('Bench organisation ', seq),
    ELT(1 + seq % 20, 'council', 'council', 'council', 'council', 'council',
	'government_department', 'fcdo_desk', 'media_outlet', 'media_outlet',
	'media_outlet', 'coalition', 'coalition', 'faith_body', 'faith_body',
	'ngo', 'ngo', 'ngo', 'ngo', 'ngo', 'hias_country_office'),
    IF(seq % 20 BETWEEN 7 AND 9, ELT(1 + seq % 3, 'print', 'broadcast',
	'online'), NULL),
    '', '', UTC_TIMESTAMP(), UTC_TIMESTAMP()
FROM seq_1_to_2000;
SET @org0 = (SELECT MIN(id) FROM organisations WHERE name LIKE 'Bench organisation %') - 1;

-- Categories in proportion: councillors most, then civil servants,
-- journalists, faith leaders, partners, Peers, MPs and the rest.
INSERT INTO people (full_name, category, party, notes, created_at,
    updated_at)
SELECT CONCAT('Bench person ', seq),
    ELT(1 + seq % 40, 'mp', 'peer', 'peer', 'councillor', 'councillor',
	'councillor', 'councillor', 'councillor', 'councillor', 'councillor',
	'councillor', 'councillor', 'councillor', 'civil_servant',
	'civil_servant', 'civil_servant', 'civil_servant', 'fcdo_official',
	'journalist', 'journalist', 'journalist', 'journalist', 'faith_leader',
	'faith_leader', 'faith_leader', 'coalition_partner',
	'coalition_partner', 'coalition_partner', 'hias_staff', 'other',
	'other', 'other', 'other', 'other', 'other', 'other', 'other', 'other',
	'other', 'mp'),
    ELT(1 + seq % 5, 'Labour', 'Conservative', 'Liberal Democrat', 'Green',
	''), '', UTC_TIMESTAMP(), UTC_TIMESTAMP()
FROM seq_1_to_20000;
SET @person0 = (SELECT MIN(id) FROM people WHERE full_name LIKE 'Bench person %') - 1;
SET @area0 = (SELECT MIN(id) FROM policy_areas) - 1;
SET @areas = (SELECT COUNT(*) FROM policy_areas);

-- Types in proportion: meetings and correspondence most.
INSERT INTO engagements (type, occurred_on, occurred_time, title, summary,
    outcome, media_medium, created_by, created_at, updated_at)
SELECT ELT(1 + CRC32(CONCAT(seq, 't')) % 20, 'meeting', 'meeting', 'meeting',
	'meeting', 'written_briefing', 'written_briefing', 'correspondence',
	'correspondence', 'correspondence', 'event_organised',
	'event_participated', 'event_participated', 'media_appearance',
	'media_appearance', 'coalition_meeting', 'coalition_meeting',
	'interfaith_meeting', 'appg_meeting', 'parliamentary_activity',
	'consultation_response'),
    DATE '2015-07-01' + INTERVAL CRC32(CONCAT(seq, 'd')) % @days DAY,
    IF(seq % 3 = 0, NULL, MAKETIME(8 + seq % 10, (seq * 13) % 60, 0)),
    CONCAT('Bench engagement ', seq), '', '',
    IF(CRC32(CONCAT(seq, 't')) % 20 IN (12, 13), ELT(1 + seq % 3, 'print',
	'broadcast', 'online'), NULL),
    NULL, UTC_TIMESTAMP(), UTC_TIMESTAMP()
FROM seq_1_to_1000000 WHERE seq <= @engagements;
SET @eng0 = (SELECT MIN(id) FROM engagements WHERE title LIKE 'Bench engagement %') - 1;

-- One to three people each.  The team meets new people all the time:
-- an engagement on day d draws from the first (d + 1) / days of the
-- people, so each month has people new to us and most have dozens of
-- engagements.  CRC32 spreads the choices without patterns between the
-- columns.
INSERT IGNORE INTO engagement_people (engagement_id, person_id)
SELECT e.id, @person0 + 1 + CRC32(CONCAT(e.id, 'p', k.seq)) %
    GREATEST(1, FLOOR(@people * (DATEDIFF(e.occurred_on, '2015-07-01') + 1)
    / @days))
FROM engagements e JOIN seq_1_to_3 k ON k.seq <= 1 + e.id % 3
WHERE e.id > @eng0;

INSERT INTO engagement_organisations (engagement_id, organisation_id)
SELECT id, @org0 + 1 + CRC32(CONCAT(id, 'o')) % @orgs
FROM engagements WHERE id > @eng0 AND id % 2 = 0;

INSERT IGNORE INTO engagement_policy_areas (engagement_id, policy_area_id)
SELECT e.id, @area0 + 1 + CRC32(CONCAT(e.id, 'a', k.seq)) % @areas
FROM engagements e JOIN seq_1_to_2 k ON k.seq <= 1 + e.id % 2
WHERE e.id > @eng0;

SET @tracker_kpi_bulk = NULL;
CALL kpi_rebuild();
