-- Demo data for the advocacy engagement tracker, shaped on HIAS+JCORE's
-- 2024-2027 strategy (Advocating aim: decision makers, FCDO desks, HIAS
-- country offices, coalitions, the interfaith network, racial justice,
-- media).  Loaded by `tracker-admin demo-data` after it has created the
-- users demo, miriam and tom; run as one multi-statement script in one
-- transaction, under strict mode, with time_zone '+00:00'.
--
-- EVERY PERSON IN THIS FILE IS FICTIONAL.  The names of MPs, Peers,
-- councillors, officials, journalists, faith leaders and partners are
-- invented; constituencies, councils, parties, outlets and organisations
-- are real, but no real person holds the roles given here.  No external
-- ids (Parliament, TheyWorkForYou, ModernGov) are set, so nothing links
-- to a real record.  Phone numbers are from Ofcom's drama ranges.
--
-- What it inserts:
--   policy_areas   10 (3 year-one priorities, 1 retired)
--   organisations  60 (FCDO and 4 desks, departments, 7 councils, 12
--                  outlets in print/broadcast/online, coalitions, faith
--                  bodies, NGOs, HIAS headquarters and 4 country offices)
--   people         80 (one MP no longer current)
--   engagements    about 320, July 2024 to 20 November 2026: hand-written
--                  memorable ones (n < 100 below) plus rows generated from
--                  contact pools, topics and text templates.  Generation is
--                  arithmetic on the sequence number, so every load gives
--                  the same rows.
--   their people, organisations, staff and policy areas; about 40
--   follow-ups, the open ones dated relative to CURRENT_DATE so the demo
--   always has overdue and upcoming work; one audit_log row;
--   and, at the end, the APPG on Faith and Displacement (issue 7): 7 more
--   parliamentarians, 4 officers, 24 members, 3 meetings with their
--   minutes, actions and a benefit.
--
-- The demo_* tables are TEMPORARY: they vanish with the connection.

START TRANSACTION;

SET @abase = (SELECT COALESCE(MAX(id), 0) FROM policy_areas);
SET @obase = (SELECT COALESCE(MAX(id), 0) FROM organisations);
SET @pbase = (SELECT COALESCE(MAX(id), 0) FROM people);
SET @ebase = (SELECT COALESCE(MAX(id), 0) FROM engagements);

-- ---------------------------------------------------------------------
-- Policy areas
-- ---------------------------------------------------------------------

CREATE TEMPORARY TABLE demo_area (
	k		INT NOT NULL PRIMARY KEY,
	name		VARCHAR(200) NOT NULL,
	priority	TINYINT NOT NULL,
	retired		TINYINT NOT NULL
);

INSERT INTO demo_area (k, name, priority, retired) VALUES
	(1, 'Unaccompanied asylum-seeking children (UASC)', 1, 0),
	(2, 'Refugee inclusion', 1, 0),
	(3, 'Legal support and access to justice', 1, 0),
	(4, 'Racial justice', 0, 0),
	(5, 'Safe routes and family reunion', 0, 0),
	(6, 'Asylum accommodation', 0, 0),
	(7, 'International displacement (HIAS country offices)', 0, 0),
	(8, 'Social cohesion and interfaith', 0, 0),
	(9, 'Right to work', 0, 0),
	(10, 'Rwanda scheme and Illegal Migration Act', 0, 1);

-- An area of that name may be there already (migration 007 adds
-- 'Racial justice' for the racial-justice KPIs): keep it, and link by name.
INSERT INTO policy_areas (name, priority, retired)
SELECT name, priority, retired FROM demo_area da
WHERE NOT EXISTS (SELECT 1 FROM policy_areas pa WHERE pa.name = da.name)
ORDER BY k;

-- ---------------------------------------------------------------------
-- Organisations.  link_tpl is only for generating plausible media links.
-- ---------------------------------------------------------------------

CREATE TEMPORARY TABLE demo_org (
	k		INT NOT NULL PRIMARY KEY,
	name		VARCHAR(200) NOT NULL,
	kind		VARCHAR(40) NOT NULL,
	medium		VARCHAR(10) NULL,
	under_fcdo	TINYINT NOT NULL DEFAULT 0,
	website		VARCHAR(500) NOT NULL DEFAULT '',
	link_tpl	VARCHAR(300) NULL
);

INSERT INTO demo_org (k, name, kind, medium, under_fcdo, website, link_tpl) VALUES
	(1, 'Foreign, Commonwealth & Development Office', 'government_department', NULL, 0, 'https://www.gov.uk/government/organisations/foreign-commonwealth-development-office', NULL),
	(2, 'FCDO East Africa Department', 'fcdo_desk', NULL, 1, '', NULL),
	(3, 'FCDO Eastern Europe and Ukraine Department', 'fcdo_desk', NULL, 1, '', NULL),
	(4, 'FCDO Latin America Department', 'fcdo_desk', NULL, 1, '', NULL),
	(5, 'FCDO Sahel and Central Africa Department', 'fcdo_desk', NULL, 1, '', NULL),
	(6, 'Home Office', 'government_department', NULL, 0, 'https://www.gov.uk/government/organisations/home-office', NULL),
	(7, 'Ministry of Housing, Communities and Local Government', 'government_department', NULL, 0, 'https://www.gov.uk/government/organisations/ministry-of-housing-communities-local-government', NULL),
	(8, 'Ministry of Justice', 'government_department', NULL, 0, 'https://www.gov.uk/government/organisations/ministry-of-justice', NULL),
	(9, 'Department for Education', 'government_department', NULL, 0, 'https://www.gov.uk/government/organisations/department-for-education', NULL),
	(10, 'London Borough of Barnet', 'council', NULL, 0, 'https://www.barnet.gov.uk/', NULL),
	(11, 'London Borough of Camden', 'council', NULL, 0, 'https://www.camden.gov.uk/', NULL),
	(12, 'London Borough of Hackney', 'council', NULL, 0, 'https://hackney.gov.uk/', NULL),
	(13, 'London Borough of Haringey', 'council', NULL, 0, 'https://www.haringey.gov.uk/', NULL),
	(14, 'London Borough of Brent', 'council', NULL, 0, 'https://www.brent.gov.uk/', NULL),
	(15, 'Manchester City Council', 'council', NULL, 0, 'https://www.manchester.gov.uk/', NULL),
	(16, 'Leeds City Council', 'council', NULL, 0, 'https://www.leeds.gov.uk/', NULL),
	(17, 'The Guardian', 'media_outlet', 'print', 0, 'https://www.theguardian.com/', 'https://www.theguardian.com/uk-news/{y}/{mon}/{dd}/{slug}'),
	(18, 'The Times', 'media_outlet', 'print', 0, 'https://www.thetimes.com/', 'https://www.thetimes.com/uk/politics/article/{slug}-{id}'),
	(19, 'The Jewish Chronicle', 'media_outlet', 'print', 0, 'https://www.thejc.com/', 'https://www.thejc.com/news/uk/{slug}-{id}'),
	(20, 'Jewish News', 'media_outlet', 'print', 0, 'https://www.jewishnews.co.uk/', 'https://www.jewishnews.co.uk/{slug}/'),
	(21, 'Church Times', 'media_outlet', 'print', 0, 'https://www.churchtimes.co.uk/', 'https://www.churchtimes.co.uk/articles/{y}/{day}-{month}/news/uk/{slug}'),
	(22, 'BBC Radio 4', 'media_outlet', 'broadcast', 0, 'https://www.bbc.co.uk/radio4', 'https://www.bbc.co.uk/sounds/play/m002{id}'),
	(23, 'LBC', 'media_outlet', 'broadcast', 0, 'https://www.lbc.co.uk/', 'https://www.lbc.co.uk/news/{slug}/'),
	(24, 'Sky News', 'media_outlet', 'broadcast', 0, 'https://news.sky.com/', 'https://news.sky.com/story/{slug}-{num}'),
	(25, 'Times Radio', 'media_outlet', 'broadcast', 0, 'https://www.thetimes.com/radio', 'https://www.thetimes.com/radio/{slug}-{id}'),
	(26, 'HuffPost UK', 'media_outlet', 'online', 0, 'https://www.huffingtonpost.co.uk/', 'https://www.huffingtonpost.co.uk/entry/{slug}_uk_{hex}'),
	(27, 'openDemocracy', 'media_outlet', 'online', 0, 'https://www.opendemocracy.net/', 'https://www.opendemocracy.net/en/{slug}/'),
	(28, 'The Independent', 'media_outlet', 'online', 0, 'https://www.independent.co.uk/', 'https://www.independent.co.uk/voices/{slug}-b{num}.html'),
	(29, 'Together With Refugees', 'coalition', NULL, 0, 'https://togetherwithrefugees.org.uk/', NULL),
	(30, 'Alliance for Racial Justice', 'coalition', NULL, 0, '', NULL),
	(31, 'Families Together', 'coalition', NULL, 0, '', NULL),
	(32, 'Lift the Ban', 'coalition', NULL, 0, '', NULL),
	(33, 'Refugee and Migrant Children''s Consortium', 'coalition', NULL, 0, '', NULL),
	(34, 'Interfaith Refugee Network', 'coalition', NULL, 0, '', NULL),
	(35, 'Board of Deputies of British Jews', 'faith_body', NULL, 0, 'https://bod.org.uk/', NULL),
	(36, 'Muslim Council of Britain', 'faith_body', NULL, 0, 'https://mcb.org.uk/', NULL),
	(37, 'Churches Together in England', 'faith_body', NULL, 0, 'https://www.cte.org.uk/', NULL),
	(38, 'Catholic Bishops'' Conference of England and Wales', 'faith_body', NULL, 0, 'https://www.cbcew.org.uk/', NULL),
	(39, 'Methodist Church in Britain', 'faith_body', NULL, 0, 'https://www.methodist.org.uk/', NULL),
	(40, 'Liberal Judaism', 'faith_body', NULL, 0, 'https://www.liberaljudaism.org/', NULL),
	(41, 'Movement for Reform Judaism', 'faith_body', NULL, 0, 'https://www.reformjudaism.org.uk/', NULL),
	(42, 'Masorti Judaism', 'faith_body', NULL, 0, 'https://www.masorti.org.uk/', NULL),
	(43, 'United Synagogue', 'faith_body', NULL, 0, 'https://www.theus.org.uk/', NULL),
	(44, 'Network of Sikh Organisations', 'faith_body', NULL, 0, '', NULL),
	(45, 'Quakers in Britain', 'faith_body', NULL, 0, 'https://www.quaker.org.uk/', NULL),
	(46, 'Hindu Council UK', 'faith_body', NULL, 0, '', NULL),
	(47, 'Refugee Council', 'ngo', NULL, 0, 'https://www.refugeecouncil.org.uk/', NULL),
	(48, 'Refugee Action', 'ngo', NULL, 0, 'https://www.refugee-action.org.uk/', NULL),
	(49, 'British Future', 'ngo', NULL, 0, 'https://www.britishfuture.org/', NULL),
	(50, 'René Cassin', 'ngo', NULL, 0, 'https://www.renecassin.org/', NULL),
	(51, 'World Jewish Relief', 'ngo', NULL, 0, 'https://www.worldjewishrelief.org/', NULL),
	(52, 'Safe Passage International', 'ngo', NULL, 0, 'https://www.safepassage.org.uk/', NULL),
	(53, 'Refugees at Home', 'ngo', NULL, 0, 'https://www.refugeesathome.org/', NULL),
	(54, 'Host Nation', 'ngo', NULL, 0, 'https://hostnation.org.uk/', NULL),
	(55, 'The Children''s Society', 'ngo', NULL, 0, 'https://www.childrenssociety.org.uk/', NULL),
	(56, 'HIAS', 'ngo', NULL, 0, 'https://hias.org/', NULL),
	(57, 'HIAS Kenya', 'hias_country_office', NULL, 0, '', NULL),
	(58, 'HIAS Ukraine', 'hias_country_office', NULL, 0, '', NULL),
	(59, 'HIAS Colombia', 'hias_country_office', NULL, 0, '', NULL),
	(60, 'HIAS Chad', 'hias_country_office', NULL, 0, '', NULL);

INSERT INTO organisations (name, kind, medium, parent_id, website, notes,
    created_at, updated_at)
SELECT name, kind, medium, NULL, website, '', UTC_TIMESTAMP(), UTC_TIMESTAMP()
FROM demo_org WHERE k = 1;
SET @fcdo = LAST_INSERT_ID();

INSERT INTO organisations (name, kind, medium, parent_id, website, notes,
    created_at, updated_at)
SELECT name, kind, medium, IF(under_fcdo = 1, @fcdo, NULL), website, '',
    UTC_TIMESTAMP(), UTC_TIMESTAMP()
FROM demo_org WHERE k > 1 ORDER BY k;

-- ---------------------------------------------------------------------
-- People (all fictional).  org names must match demo_org exactly: the
-- lookup goes into a NOT NULL column, so a typo stops the load.
-- ---------------------------------------------------------------------

CREATE TEMPORARY TABLE demo_person (
	k		INT NOT NULL PRIMARY KEY,
	full_name	VARCHAR(200) NOT NULL,
	category	VARCHAR(40) NOT NULL,
	role_title	VARCHAR(200) NOT NULL,
	party		VARCHAR(100) NOT NULL,
	house		VARCHAR(10) NULL,
	constituency	VARCHAR(200) NOT NULL,
	org		VARCHAR(200) NULL,
	phone		VARCHAR(50) NOT NULL,
	is_current	TINYINT NOT NULL DEFAULT 1
);

INSERT INTO demo_person (k, full_name, category, role_title, party, house, constituency, org, phone, is_current) VALUES
	-- MPs
	(1, 'Helen Marchbank', 'mp', 'Member, Home Affairs Committee', 'Labour', 'commons', 'Finchley and Golders Green', NULL, '', 1),
	(2, 'Rajiv Chandran', 'mp', 'Registered contact, APPG on Faith and Displacement', 'Labour', 'commons', 'Ilford South', NULL, '', 1),
	(3, 'Joseph Okonjo-Reid', 'mp', 'Chair, APPG on Faith and Displacement', 'Labour', 'commons', 'Tottenham', NULL, '', 1),
	(4, 'Priya Nandakumar', 'mp', '', 'Labour', 'commons', 'Leicester West', NULL, '', 1),
	(5, 'Siân Pritchard', 'mp', 'Member, Justice Committee', 'Labour', 'commons', 'Cardiff South and Penarth', NULL, '', 1),
	(6, 'Oliver Pennington', 'mp', 'Shadow Home Office Minister', 'Conservative', 'commons', 'Hertsmere', NULL, '', 1),
	(7, 'Margaret Ashdown', 'mp', 'Vice-chair, APPG on Faith and Displacement', 'Conservative', 'commons', 'Harrow East', NULL, '', 1),
	(8, 'Charles Everley', 'mp', 'Member, International Development Committee', 'Conservative', 'commons', 'Sevenoaks', NULL, '', 1),
	(9, 'Alastair Whyte', 'mp', 'Liberal Democrat Home Affairs spokesperson', 'Liberal Democrat', 'commons', 'Richmond Park', NULL, '', 1),
	(10, 'Eleanor Castleford', 'mp', '', 'Liberal Democrat', 'commons', 'St Albans', NULL, '', 1),
	(11, 'Fiona Drummond', 'mp', 'SNP Home Affairs spokesperson', 'SNP', 'commons', 'Dundee Central', NULL, '', 1),
	(12, 'Rosalind Feltham', 'mp', '', 'Green', 'commons', 'Brighton Pavilion', NULL, '', 1),
	(13, 'Bethan Rowlands', 'mp', '', 'Plaid Cymru', 'commons', 'Ceredigion Preseli', NULL, '', 1),
	(14, 'Dennis Marlow', 'mp', '', 'Reform UK', 'commons', 'Great Yarmouth', NULL, '', 1),
	(15, 'Yusuf Bhatti', 'mp', '', 'Independent', 'commons', 'Dewsbury and Batley', NULL, '', 1),
	(16, 'Geoffrey Hallam', 'mp', 'Former MP; lost his seat at the July 2024 general election', 'Conservative', 'commons', 'Chipping Barnet', NULL, '', 0),
	-- Peers
	(17, 'Baroness Linford of Highgate', 'peer', 'Former family court judge; officer, APPG on Faith and Displacement', 'Crossbench', 'lords', '', NULL, '', 1),
	(18, 'Lord Abelson of Stamford Hill', 'peer', '', 'Labour', 'lords', '', NULL, '', 1),
	(19, 'Baroness Adebayo-Clarke of Peckham', 'peer', 'Member, Justice and Home Affairs Committee', 'Labour', 'lords', '', NULL, '', 1),
	(20, 'Lord Wetherby of Thirsk', 'peer', '', 'Conservative', 'lords', '', NULL, '', 1),
	(21, 'Baroness Penhallow of Truro', 'peer', 'Liberal Democrat Lords Home Affairs spokesperson', 'Liberal Democrat', 'lords', '', NULL, '', 1),
	(22, 'Rt Revd Catherine Ashby', 'peer', 'Bishop of Southwell and Nottingham', 'Bishops', 'lords', '', NULL, '', 1),
	(23, 'Lord Gilchrist of Kelvinside', 'peer', 'Former diplomat in East Africa', 'Crossbench', 'lords', '', NULL, '', 1),
	-- Councillors
	(24, 'Sophie Brennan', 'councillor', 'Cabinet Member for Communities', 'Labour', NULL, '', 'London Borough of Barnet', '020 7946 0101', 1),
	(25, 'Adam Kershaw', 'councillor', 'Opposition spokesperson for Housing', 'Conservative', NULL, '', 'London Borough of Barnet', '', 1),
	(26, 'Amara Nwosu', 'councillor', 'Cabinet Member for Equalities', 'Labour', NULL, '', 'London Borough of Camden', '020 7946 0102', 1),
	(27, 'Leon Hartigan', 'councillor', 'Cabinet Member for Housing Needs', 'Labour', NULL, '', 'London Borough of Hackney', '', 1),
	(28, 'Grace Whitcombe', 'councillor', '', 'Liberal Democrat', NULL, '', 'London Borough of Haringey', '', 1),
	(29, 'Mohammed Farouk', 'councillor', 'Lead Member for Community Cohesion', 'Labour', NULL, '', 'London Borough of Brent', '07700 900101', 1),
	(30, 'Lucy Farrant', 'councillor', '', 'Green', NULL, '', 'Manchester City Council', '', 1),
	(31, 'Ruth Oyelaran', 'councillor', 'Executive Member for Communities', 'Labour', NULL, '', 'Leeds City Council', '0113 496 0103', 1),
	-- Civil servants
	(32, 'Jennifer Holloway', 'civil_servant', 'Deputy Director, Asylum Policy', '', NULL, '', 'Home Office', '020 7946 0110', 1),
	(33, 'Mark Stansfield', 'civil_servant', 'Head of UASC and Age Assessment Policy', '', NULL, '', 'Home Office', '020 7946 0111', 1),
	(34, 'Nadia Ferreira', 'civil_servant', 'Senior Policy Adviser, Safe and Legal Routes', '', NULL, '', 'Home Office', '', 1),
	(35, 'Rebecca Oduya', 'civil_servant', 'Asylum Accommodation Programme Lead', '', NULL, '', 'Home Office', '', 1),
	(36, 'Peter Lindqvist', 'civil_servant', 'Head of Integration and Community Cohesion', '', NULL, '', 'Ministry of Housing, Communities and Local Government', '020 7946 0112', 1),
	(37, 'Claire Donnithorne', 'civil_servant', 'Head of Legal Aid Policy', '', NULL, '', 'Ministry of Justice', '', 1),
	(38, 'Simon Achterberg', 'civil_servant', 'Policy Lead, Unaccompanied Children in Care', '', NULL, '', 'Department for Education', '', 1),
	-- FCDO officials
	(39, 'Hugh Pemberton', 'fcdo_official', 'Kenya and Somalia Team Leader', '', NULL, '', 'FCDO East Africa Department', '020 7946 0120', 1),
	(40, 'Anita Varghese', 'fcdo_official', 'Humanitarian Policy Officer', '', NULL, '', 'FCDO East Africa Department', '', 1),
	(41, 'Katerina Mills', 'fcdo_official', 'Head, Ukraine Humanitarian Team', '', NULL, '', 'FCDO Eastern Europe and Ukraine Department', '020 7946 0121', 1),
	(42, 'Jonathan Ferrier', 'fcdo_official', 'Deputy Head, Latin America Department', '', NULL, '', 'FCDO Latin America Department', '', 1),
	(43, 'Lauren Oduro', 'fcdo_official', 'Chad Desk Officer', '', NULL, '', 'FCDO Sahel and Central Africa Department', '', 1),
	-- Journalists
	(44, 'Hannah Lieberman', 'journalist', 'Home Affairs Correspondent', '', NULL, '', 'The Guardian', '07700 900130', 1),
	(45, 'Benjamin Stroud', 'journalist', 'Political Reporter', '', NULL, '', 'The Jewish Chronicle', '', 1),
	(46, 'Tamsin Greaves', 'journalist', 'Opinion Editor', '', NULL, '', 'Jewish News', '07700 900131', 1),
	(47, 'Alice Fenwick', 'journalist', 'News Reporter', '', NULL, '', 'Church Times', '', 1),
	(48, 'Rhys Caddick', 'journalist', 'Producer, religion and ethics', '', NULL, '', 'BBC Radio 4', '', 1),
	(49, 'Olivia Sandhu', 'journalist', 'Output Producer', '', NULL, '', 'LBC', '07700 900132', 1),
	(50, 'Marcus Delaney', 'journalist', 'Home Affairs Producer', '', NULL, '', 'Sky News', '', 1),
	(51, 'Felix Armitage', 'journalist', 'Planning Producer', '', NULL, '', 'Times Radio', '', 1),
	(52, 'Zara Khalil', 'journalist', 'Political Correspondent', '', NULL, '', 'HuffPost UK', '', 1),
	(53, 'Nia Treharne', 'journalist', 'Investigations Editor', '', NULL, '', 'openDemocracy', '', 1),
	-- Faith leaders
	(54, 'Rabbi Naomi Kessler', 'faith_leader', 'Senior Rabbi', '', NULL, '', 'Liberal Judaism', '07700 900140', 1),
	(55, 'Rabbi Benjamin Golding', 'faith_leader', 'Community Rabbi', '', NULL, '', 'Movement for Reform Judaism', '', 1),
	(56, 'Rabbi Jeremy Stamler', 'faith_leader', 'Rabbi', '', NULL, '', 'Masorti Judaism', '', 1),
	(57, 'Rabbi Shmuel Hartog', 'faith_leader', 'Communal Rabbi', '', NULL, '', 'United Synagogue', '', 1),
	(58, 'Imam Abdul-Karim Siddiqui', 'faith_leader', 'Imam; chair of the interfaith committee', '', NULL, '', 'Muslim Council of Britain', '07700 900141', 1),
	(59, 'Shaykh Hamza Idris', 'faith_leader', 'Imam, East London', '', NULL, '', 'Muslim Council of Britain', '', 1),
	(60, 'Revd Canon Patricia Ellwood', 'faith_leader', 'Canon for Interfaith Relations', '', NULL, '', 'Churches Together in England', '', 1),
	(61, 'Father Michael Doherty', 'faith_leader', 'Refugee and Migration Policy Adviser', '', NULL, '', 'Catholic Bishops'' Conference of England and Wales', '', 1),
	(62, 'Revd Grace Mensah-Bonsu', 'faith_leader', 'Minister; public issues lead', '', NULL, '', 'Methodist Church in Britain', '', 1),
	(63, 'Bhai Harjinder Singh Sohal', 'faith_leader', 'Granthi; interfaith lead', '', NULL, '', 'Network of Sikh Organisations', '', 1),
	(64, 'Ruth Cadwallader', 'faith_leader', 'Peace and Migration Programme Lead', '', NULL, '', 'Quakers in Britain', '', 1),
	(65, 'Pandit Anil Joshi', 'faith_leader', 'Priest; trustee', '', NULL, '', 'Hindu Council UK', '', 1),
	-- Coalition partners
	(66, 'Charlotte Ainsworth', 'coalition_partner', 'Campaigns Manager', '', NULL, '', 'Together With Refugees', '020 7946 0150', 1),
	(67, 'Kwame Boateng', 'coalition_partner', 'Policy Manager', '', NULL, '', 'Refugee Council', '020 7946 0151', 1),
	(68, 'Hamid Sultani', 'coalition_partner', 'Campaigns Officer (lived experience)', '', NULL, '', 'Refugee Action', '', 1),
	(69, 'Jess Whitlock', 'coalition_partner', 'Coordinator', '', NULL, '', 'Alliance for Racial Justice', '07700 900150', 1),
	(70, 'Samira Haddad', 'coalition_partner', 'Coalition Coordinator', '', NULL, '', 'Families Together', '', 1),
	(71, 'Owen Radcliffe', 'coalition_partner', 'Campaign Lead', '', NULL, '', 'Lift the Ban', '', 1),
	(72, 'Rachel Blum', 'coalition_partner', 'Policy and Campaigns Manager', '', NULL, '', 'René Cassin', '', 1),
	(73, 'Daniel Kaye', 'coalition_partner', 'Head of Advocacy', '', NULL, '', 'World Jewish Relief', '', 1),
	(74, 'Ingrid Solberg', 'coalition_partner', 'Policy Adviser, Children', '', NULL, '', 'Safe Passage International', '', 1),
	-- HIAS staff
	(75, 'Wanjiru Kamau', 'hias_staff', 'Country Director', '', NULL, '', 'HIAS Kenya', '', 1),
	(76, 'Oksana Melnyk', 'hias_staff', 'Protection Programme Manager', '', NULL, '', 'HIAS Ukraine', '', 1),
	(77, 'Andrés Restrepo', 'hias_staff', 'Advocacy Coordinator', '', NULL, '', 'HIAS Colombia', '', 1),
	(78, 'Mahamat Abakar', 'hias_staff', 'Country Director', '', NULL, '', 'HIAS Chad', '', 1),
	(79, 'Deborah Feinstein', 'hias_staff', 'Senior Director, Policy and Advocacy', '', NULL, '', 'HIAS', '', 1),
	-- Other
	(80, 'Dr Laila Mansour', 'other', 'Immigration barrister; convenor of our legal network', '', NULL, '', NULL, '', 1);

CREATE TEMPORARY TABLE demo_check (id BIGINT UNSIGNED NOT NULL);

INSERT INTO demo_check (id)
SELECT o.id FROM demo_person dp
LEFT JOIN organisations o ON o.name = dp.org AND o.id > @obase
WHERE dp.org IS NOT NULL;

INSERT INTO people (full_name, category, role_title, party, house,
    constituency, organisation_id, phone, notes, is_current, created_at,
    updated_at)
SELECT dp.full_name, dp.category, dp.role_title, dp.party, dp.house,
    dp.constituency, o.id, dp.phone, '', dp.is_current, UTC_TIMESTAMP(),
    UTC_TIMESTAMP()
FROM demo_person dp
LEFT JOIN organisations o ON o.name = dp.org AND o.id > @obase
ORDER BY dp.k;

-- How a person is named in generated text: display name, a short
-- description, and which template group their category uses.
CREATE TEMPORARY TABLE demo_pdesc (
	name		VARCHAR(200) NOT NULL PRIMARY KEY,
	id		BIGINT UNSIGNED NOT NULL,
	cat		VARCHAR(40) NOT NULL,
	grp		VARCHAR(10) NOT NULL,
	disp		VARCHAR(250) NOT NULL,
	descr		VARCHAR(500) NOT NULL,
	org_id		BIGINT UNSIGNED NULL,
	org_name	VARCHAR(200) NULL
);

INSERT INTO demo_pdesc (name, id, cat, grp, disp, descr, org_id, org_name)
SELECT p.full_name, p.id, p.category,
    CASE WHEN p.category IN ('mp', 'peer') THEN 'parl'
	WHEN p.category = 'councillor' THEN 'council'
	ELSE 'official' END,
    CASE p.category WHEN 'mp' THEN CONCAT(p.full_name, ' MP')
	WHEN 'councillor' THEN CONCAT('Cllr ', p.full_name)
	ELSE p.full_name END,
    CASE p.category
	WHEN 'mp' THEN CONCAT(p.party, ' MP for ', p.constituency)
	WHEN 'peer' THEN IF(p.party = 'Bishops', p.role_title,
	    CONCAT(p.party, ' peer'))
	WHEN 'councillor' THEN CONCAT(p.party, ' councillor, ', o.name)
	ELSE CONCAT_WS(', ', NULLIF(p.role_title, ''), o.name) END,
    o.id, o.name
FROM people p
LEFT JOIN organisations o ON o.id = p.organisation_id
WHERE p.id > @pbase;

-- ---------------------------------------------------------------------
-- Topics: what generated engagements are about.  t is a title fragment,
-- tl the same inside a sentence, tp a longer phrase, asks a Markdown list.
-- Topics 12 and 19-22 are tied to dates and used only in hand-written
-- rows.
-- ---------------------------------------------------------------------

CREATE TEMPORARY TABLE demo_topic (
	k	INT NOT NULL PRIMARY KEY,
	a1	INT NOT NULL,
	a2	INT NULL,
	slug	VARCHAR(100) NOT NULL,
	t	VARCHAR(100) NOT NULL,
	tl	VARCHAR(150) NOT NULL,
	tp	VARCHAR(400) NOT NULL,
	asks	TEXT NOT NULL
);

INSERT INTO demo_topic (k, a1, a2, slug, t, tl, tp, asks) VALUES
	(1, 1, 3, 'age-assessment-unaccompanied-children',
	 'UASC age assessments', 'age assessments for unaccompanied children',
	 'how unaccompanied children are age-assessed, and the young people JUMP befrienders meet who were wrongly placed in adult hotels',
	 '- no age-disputed child placed in adult asylum hotels\n- age assessment led by trained social workers, not "scientific" methods\n- an independent advocate for every age-disputed young person'),
	(2, 1, 2, 'unaccompanied-young-people-leaving-care',
	 'Leaving care at 18', 'support for unaccompanied young people leaving care',
	 'support for unaccompanied children in care and as they turn 18',
	 '- leaving-care support to 25 whatever a young person''s immigration status\n- proper funding for the National Transfer Scheme so councils can plan placements\n- befriending like **JUMP** available outside London'),
	(3, 1, 3, 'guardianship-separated-children',
	 'Guardianship for separated children', 'independent guardians for separated children',
	 'independent guardianship for separated and trafficked children in England',
	 '- an independent guardian for every unaccompanied child in England, as in Scotland and Northern Ireland\n- guardians able to instruct solicitors on the child''s behalf\n- no child left to navigate the asylum process alone'),
	(4, 2, 6, 'refugee-move-on-period-homelessness',
	 'Refugee move-on period', 'the 28-day move-on period',
	 'the 28-day move-on period after a grant of refugee status, and the homelessness it causes',
	 '- a 56-day move-on period, in line with the Homelessness Reduction Act\n- eVisa details and a National Insurance number issued with the decision\n- funding for councils to prevent homelessness among new refugees'),
	(5, 2, 3, 'evisa-switch-refugees',
	 'eVisas and proof of status', 'eVisas and digital proof of status',
	 'the switch from biometric residence permits to eVisas',
	 '- a grace period so no one loses work, benefits or housing in the switch\n- an offline way to prove status for people without smartphones\n- a named Home Office contact for charities reporting errors'),
	(6, 2, 8, 'refugee-integration-esol',
	 'Refugee integration and ESOL', 'refugee integration and English classes',
	 'refugee integration, English language (ESOL) provision and routes into work',
	 '- a funded national refugee integration strategy\n- free ESOL from day one\n- faster recognition of overseas qualifications'),
	(7, 3, 1, 'immigration-legal-aid-deserts',
	 'Immigration legal aid', 'immigration legal aid',
	 'the shortage of immigration legal aid and its effect on the young people we support',
	 '- legal aid fees for immigration and asylum work high enough to keep providers in the market\n- funded training and supervision for new legal aid lawyers\n- published data on advice deserts by region'),
	(8, 3, 2, 'asylum-backlog-decision-quality',
	 'Asylum backlog and decision quality', 'the asylum backlog and decision quality',
	 'the asylum backlog, appeal waiting times and the quality of first decisions',
	 '- decisions right first time, with better caseworker training\n- appeal success rates published by nationality\n- legal advice before the substantive interview'),
	(9, 6, 8, 'asylum-hotels-large-sites',
	 'Asylum hotels and large sites', 'asylum hotels and large sites',
	 'asylum accommodation, the closure of hotels and the use of large sites',
	 '- a community-based, council-led model of asylum housing\n- no military sites or barges\n- safeguarding checks for children and survivors of trafficking'),
	(10, 5, 1, 'safe-routes-family-reunion',
	 'Safe routes and family reunion', 'safe routes and refugee family reunion',
	 'safe and legal routes to the UK and refugee family reunion',
	 '- the right for refugee children in the UK to sponsor close family\n- a humanitarian visa pilot\n- a wider refugee family reunion route'),
	(11, 9, 2, 'lift-the-ban-right-to-work',
	 'Right to work', 'the right to work for people seeking asylum',
	 'the right to work for people waiting more than six months for an asylum decision',
	 '- the right to work after six months'' wait\n- no restriction to the Immigration Salary List\n- publication of the evidence behind "pull factor" claims'),
	(12, 4, 8, 'summer-disorder-asylum-hotels',
	 'Summer 2024 disorder', 'the summer 2024 anti-refugee disorder',
	 'the attacks on asylum hotels in summer 2024 and what communities need now',
	 '- attacks on asylum accommodation treated as hate crime\n- funding for cohesion work in the towns most affected\n- responsible language from politicians on asylum'),
	(13, 4, 8, 'anti-refugee-rhetoric-racism',
	 'Racism and anti-refugee rhetoric', 'anti-refugee rhetoric and racism',
	 'the link between anti-refugee rhetoric and racism',
	 '- a cross-party pledge on the language used about refugees\n- an anti-racism strategy that names asylum seekers\n- action on online hate aimed at refugees'),
	(14, 8, 2, 'faith-communities-refugee-welcome',
	 'Faith communities and welcome', 'faith communities welcoming refugees',
	 'social cohesion and the welcome faith communities give refugees',
	 '- a role for faith groups in local cohesion plans\n- support for community sponsorship and **Welcome Circles**\n- small grants for local refugee drop-ins'),
	(15, 7, NULL, 'kenya-refugees-kakuma',
	 'Refugees in Kenya (Kakuma and Nairobi)', 'refugees in Kenya',
	 'refugees in Kakuma and Nairobi, and the effect of aid cuts on the services they rely on',
	 '- protected UK humanitarian funding for refugees in Kenya\n- UK backing for the *Shirika* plan to integrate camps into host communities\n- funding for mental health and gender-based violence services'),
	(16, 7, 5, 'ukraine-displacement-protection',
	 'Displacement in and from Ukraine', 'displacement in and from Ukraine',
	 'internally displaced people in Ukraine and Ukrainian refugees in Europe and the UK',
	 '- long-term funding for legal aid and psychosocial support inside Ukraine\n- certainty for Ukrainians in the UK as their visas near expiry\n- a clear route to settlement'),
	(17, 7, NULL, 'colombia-venezuelan-displacement',
	 'Venezuelan displacement in Colombia', 'Venezuelan displacement in Colombia',
	 'the Venezuelan displacement crisis and protection for Venezuelans in Colombia',
	 '- continued UK support for Colombia''s temporary protection status for Venezuelans\n- funding to protect displaced women and girls in border areas\n- UK diplomatic support for access to asylum across the region'),
	(18, 7, 5, 'sudanese-refugees-chad',
	 'Sudanese refugees in Chad', 'Sudanese refugees in Chad',
	 'the arrival of Sudanese refugees in eastern Chad and the humanitarian response',
	 '- more UK humanitarian funding for eastern Chad\n- a safe route for Sudanese people with family in the UK\n- support for refugee-hosting communities'),
	(19, 7, NULL, 'aid-cuts-refugee-programmes',
	 'Aid cuts and refugee programmes', 'aid cuts and refugee programmes',
	 'the cut in UK aid to 0.3% of national income and its effect on refugee programmes',
	 '- protected humanitarian and refugee budgets within the smaller aid budget\n- an impact assessment for refugee programmes\n- a path back to 0.7%'),
	(20, 10, 5, 'rwanda-scheme-illegal-migration-act',
	 'Rwanda scheme and Illegal Migration Act', 'the end of the Rwanda scheme',
	 'the end of the Rwanda scheme and the future of the Illegal Migration Act',
	 '- repeal of the Illegal Migration Act''s inadmissibility duties\n- decisions on the claims of everyone left in limbo\n- no new offshoring plans'),
	(21, 3, 5, 'border-security-asylum-immigration-bill',
	 'Border Security, Asylum and Immigration Bill', 'the Border Security, Asylum and Immigration Bill',
	 'the Border Security, Asylum and Immigration Bill',
	 '- amendments to protect children and survivors of trafficking\n- a safe routes commitment alongside enforcement\n- no prosecution of people forced to steer boats'),
	(22, 2, 5, 'temporary-protection-settlement',
	 'Temporary protection and settlement', 'temporary refugee status and earned settlement',
	 'the plans for temporary refugee status, reviewed every 30 months, and a 20-year route to settlement',
	 '- a route to settlement after five years\n- no status reviews for children and young people\n- an assessment of the effect on integration and mental health');

-- ---------------------------------------------------------------------
-- Engagements.  demo_eng holds every engagement before it is inserted;
-- n is a local key (hand-written rows n < 100, generated n >= 1000).
-- ---------------------------------------------------------------------

CREATE TEMPORARY TABLE demo_eng (
	n		INT NOT NULL PRIMARY KEY,
	tkey		VARCHAR(10) NULL,
	type		VARCHAR(40) NOT NULL,
	y		INT NULL,
	s		INT NULL,
	pool		VARCHAR(10) NULL,
	pi		INT NULL,
	d		DATE NOT NULL,
	t		TIME NULL,
	p1		VARCHAR(200) NULL,
	p2		VARCHAR(200) NULL,
	topic		INT NULL,
	org1		VARCHAR(200) NULL,
	outlet		VARCHAR(200) NULL,
	prog		VARCHAR(300) NOT NULL DEFAULT '',
	link		VARCHAR(1000) NOT NULL DEFAULT '',
	a1		INT NULL,
	a2		INT NULL,
	g		VARCHAR(10) NULL,
	og		VARCHAR(10) NULL,
	ti		INT NULL,
	oi		INT NULL,
	raw		TEXT NULL,
	title		VARCHAR(300) NULL,
	summary		TEXT NULL,
	outcome		TEXT NULL,
	st1		VARCHAR(64) NULL,
	st2		VARCHAR(64) NULL,
	creator		VARCHAR(64) NULL
);

-- People and organisations of the hand-written engagements, by name.
CREATE TEMPORARY TABLE demo_eng_person (
	n		INT NOT NULL,
	name		VARCHAR(200) NOT NULL
);
CREATE TEMPORARY TABLE demo_eng_org (
	n		INT NOT NULL,
	name		VARCHAR(200) NOT NULL
);

-- Hand-written engagements: the memorable ones.

INSERT INTO demo_eng (n, type, d, t, a1, a2, outlet, prog, link, st1, title, summary, outcome) VALUES
-- 2024-25 (strategy year one)
(1, 'correspondence', '2024-07-02', NULL, 10, 5, NULL, '', '', 'demo',
 'Reply from Geoffrey Hallam to our election asylum pledge',
 'Geoffrey Hallam, standing again in Chipping Barnet, replied to the **Jewish community asylum pledge** we sent to every Barnet candidate.\n\nHe did not sign, but wrote that he "recognises the strength of feeling in the community" about the Rwanda scheme.',
 'Not signed. Chipping Barnet changed hands on 4 July: Geoffrey Hallam is no longer an MP and his record is marked **not current**.'),
(2, 'correspondence', '2024-07-10', NULL, 10, 5, NULL, '', '', 'miriam',
 'Joint letter to the Home Secretary on ending the Rwanda scheme',
 'Joint letter with **René Cassin** and **World Jewish Relief** welcoming the decision to scrap the Rwanda scheme, and asking the new government to:\n\n- process the claims of everyone left in the "inadmissible" backlog\n- repeal the Illegal Migration Act''s detention and removal duties\n- publish a plan for safe and legal routes',
 'Acknowledged by the Home Office correspondence unit on 2 August 2024; substantive reply still awaited.'),
(3, 'event_participated', '2024-08-06', '18:00', 4, 8, NULL, '', '', 'demo',
 'Interfaith solidarity vigil after the attacks on asylum hotels',
 'After a week of attacks on hotels housing people seeking asylum, we joined an interfaith vigil with Muslim, Christian and Jewish leaders.\n\n- our Executive Director read Leviticus 19:34 ("the stranger who lives with you shall be to you like the native-born")\n- about 300 people came, many from local synagogues\n- speakers linked the violence to years of hostile language about refugees',
 'Strong turnout from the Jewish community. **Racial justice** event for the year-one KPI.'),
(4, 'media_appearance', '2024-08-11', '07:40', 4, 8, 'BBC Radio 4', 'Sunday', 'https://www.bbc.co.uk/sounds/play/m0021k7x', 'demo',
 'BBC Radio 4 Sunday: faith leaders respond to the summer riots',
 'Our Executive Director joined an imam and a bishop on **Sunday** to discuss how faith communities responded to the attacks on asylum hotels.\n\nKey lines:\n\n1. Jewish history teaches where dehumanising language leads\n2. faith communities are already the "good neighbours" refugees need\n3. politicians must choose their words on asylum carefully\n\n[Listen again](https://www.bbc.co.uk/sounds/play/m0021k7x)',
 'Widely shared; two synagogues asked us to speak at Shabbat services.'),
(5, 'media_appearance', '2024-08-15', NULL, 4, 6, 'The Guardian', 'UK news', 'https://www.theguardian.com/uk-news/2024/aug/15/jewish-groups-faith-leaders-asylum-hotels-riots', 'miriam',
 'Quoted in The Guardian: faith groups urge calm language after the riots',
 'Our Executive Director was quoted in a Guardian report on faith groups'' response to the attacks on asylum hotels.\n\n> "The Jewish community knows what it is to be told we do not belong. We stand with the people inside those hotels."\n\n[Read the article](https://www.theguardian.com/uk-news/2024/aug/15/jewish-groups-faith-leaders-asylum-hotels-riots)',
 ''),
(6, 'event_organised', '2024-09-04', '10:00', 4, 8, NULL, '', '', 'miriam',
 'Roundtable: the Jewish community''s response to the summer disorder',
 'We convened communal organisations and racial justice partners to take stock after the August disorder.\n\n**Agreed priorities:**\n\n- a joint statement from Jewish organisations on asylum rhetoric\n- training for synagogue volunteers at refugee drop-ins on responding to hostility\n- closer work with the **Alliance for Racial Justice**',
 'Joint statement published on 12 September with nine signatories.'),
(7, 'meeting', '2024-09-12', '11:00', 2, 8, NULL, '', '', 'demo',
 'Coffee with Geoffrey Hallam, former MP for Chipping Barnet',
 'Informal catch-up with **Geoffrey Hallam**, who lost his seat in July. He now volunteers with a refugee drop-in in Barnet and knows local councillors across parties.',
 'No longer a decision maker, but a useful local connector. He offered introductions to Barnet Conservative councillors.'),
(8, 'interfaith_meeting', '2024-09-18', '18:30', 8, 2, NULL, '', '', 'miriam',
 'Interfaith Refugee Network: launch meeting',
 'First meeting of the **Interfaith Refugee Network**, hosted by HIAS+JCORE.\n\nAgenda:\n\n1. why a faith voice on refugees, and why now\n2. draft terms of reference\n3. a shared calendar: Refugee Week, Refugee Shabbat, Mitzvah Day, Interfaith Week\n4. how the network relates to a possible APPG\n\nEight leaders from Jewish, Muslim, Christian, Sikh and Quaker traditions took part.',
 'The network will meet **quarterly**; Canon Ellwood and Imam Siddiqui co-chair, with HIAS+JCORE as secretariat.'),
(9, 'event_participated', '2024-09-23', '12:45', 5, NULL, NULL, '', '', 'demo',
 'Labour conference fringe, Liverpool: "Safe routes are the answer"',
 'Spoke on a fringe panel with **Priya Nandakumar MP** and **Families Together** on safe routes and family reunion. Standing room only.',
 'Priya Nandakumar asked for our briefing on refugee children sponsoring family.'),
(10, 'event_participated', '2024-09-30', '18:00', 8, 6, NULL, '', '', 'demo',
 'Conservative conference fringe, Birmingham: asylum, faith and cohesion',
 'Panel with **Oliver Pennington MP** on asylum accommodation and community cohesion. A frank exchange: he supports a cap on numbers but agreed that hotel use harms everyone.',
 'First contact with the new shadow Home Office team.'),
(11, 'appg_meeting', '2024-10-15', '14:00', 5, 3, NULL, '', '', 'miriam',
 'APPG on Refugees: the post-election asylum agenda',
 'Attended the APPG on Refugees in Committee Room 10. Speakers from the **Refugee Council** set out the backlog and the "perma-backlog" of people barred by the Illegal Migration Act.\n\nJoseph Okonjo-Reid MP asked about a faith-based group: we followed up afterwards.',
 ''),
(12, 'consultation_response', '2024-10-25', NULL, 1, 3, NULL, '', '', 'demo',
 'Evidence to the Independent Chief Inspector on age assessment',
 'Written evidence to the [Independent Chief Inspector of Borders and Immigration](https://www.gov.uk/government/organisations/independent-chief-inspector-of-borders-and-immigration) inspection of age assessment.\n\nWe drew on **JUMP** casework:\n\n- young people assessed as adults at the port after a short interview\n- months in adult hotels before a council reassessed them as children\n- no independent advocate at any stage',
 'Submitted on time; the inspection report is due next year.'),
(13, 'event_organised', '2024-11-17', '10:00', 2, 8, NULL, '', '', 'miriam',
 'Mitzvah Day 2024: refugee drop-in volunteering across Barnet',
 'Ran **Mitzvah Day** projects at four synagogue-hosted refugee drop-ins. **Cllr Sophie Brennan** visited and talked to volunteers about the council''s refugee work.',
 '140 volunteers; 32 signed up to volunteer again.'),
(14, 'appg_meeting', '2024-12-03', '15:00', 1, 5, NULL, '', '', 'demo',
 'APPG on Refugees: children and families session',
 'Session on unaccompanied children and family reunion. **Ingrid Solberg** (Safe Passage International) presented; **Helen Marchbank MP** chaired the questions.\n\nWe raised the age-disputed young people JUMP supports.',
 ''),
(15, 'interfaith_meeting', '2024-12-11', '18:30', 6, 8, NULL, '', '', 'miriam',
 'Interfaith Refugee Network: asylum hotels and local welcome',
 'Second meeting of the network. Members shared what their congregations see near asylum hotels:\n\n- isolation and boredom, especially for young men\n- hostility online and sometimes in the street\n- strong demand for English conversation groups\n\nWe agreed a short **faith leaders'' statement** for Interfaith Week.',
 'Statement signed by 23 faith leaders and sent to every MP with an asylum hotel in their constituency.'),
(16, 'event_participated', '2024-12-24', '14:30', 8, 2, NULL, '', '', 'demo',
 'Limmud Festival session: "You shall love the stranger"',
 'Led a text study and discussion at Limmud Festival with **Rabbi Jeremy Stamler**: Jewish sources on the stranger and what they ask of us in today''s asylum debate.',
 'About 60 participants; 14 joined the mailing list.'),
(17, 'meeting', '2025-01-22', '16:00', 8, 5, NULL, '', '', 'demo',
 'Scoping a faith-based APPG with Joseph Okonjo-Reid MP',
 'Met **Joseph Okonjo-Reid MP** and **Rajiv Chandran MP** to test the idea of an **APPG on Faith and Displacement**, with HIAS+JCORE as secretariat.\n\nWe discussed:\n\n- officers from at least two parties, including the main opposition\n- a Crossbench or Bishops'' bench officer from the Lords\n- how to fund the secretariat within the House rules',
 '**Agreed** to hold an inaugural meeting in March. Joseph Okonjo-Reid to chair; Rajiv Chandran to be registered contact.'),
(18, 'media_appearance', '2025-01-27', '07:48', 4, 8, 'BBC Radio 4', 'Today: Thought for the Day', 'https://www.bbc.co.uk/sounds/play/m00272dq', 'demo',
 'Thought for the Day on Holocaust Memorial Day: refugees then and now',
 'Our Executive Director gave **Thought for the Day** on Holocaust Memorial Day, on the Kindertransport and the children who arrive alone today.\n\n[Listen again](https://www.bbc.co.uk/sounds/play/m00272dq)',
 'Our most-shared piece of the year; booked through Rhys Caddick.'),
(19, 'event_organised', '2025-01-27', '19:00', 4, 8, NULL, '', '', 'miriam',
 'Holocaust Memorial Day evening: "Refugees then and now"',
 'Community evening with a Kindertransport refugee''s granddaughter and a young person from **JUMP**. **Rabbi Shmuel Hartog** and **Helen Marchbank MP** responded.',
 '180 attended; an evening counted towards the racial justice events goal.'),
(20, 'consultation_response', '2025-01-31', NULL, 3, 1, NULL, '', '', 'demo',
 'Written evidence: access to immigration legal aid',
 'Evidence to the Ministry of Justice on the immigration legal aid market.\n\n1. Most young people in JUMP waited over three months for a legal aid solicitor\n2. Several were told to represent themselves at appeal\n3. Providers cite fees as the main reason for leaving the work',
 ''),
(21, 'parliamentary_activity', '2025-02-10', NULL, 3, 5, NULL, '', '', 'miriam',
 'Border Security, Asylum and Immigration Bill second reading: our briefing quoted',
 'At second reading of the **Border Security, Asylum and Immigration Bill**, **Alastair Whyte MP** quoted our briefing on children, and **Siân Pritchard MP** raised legal aid.\n\n[Hansard](https://hansard.parliament.uk/)',
 'Both asked us for amendment wording for committee stage.'),
(22, 'consultation_response', '2025-02-14', NULL, 6, 8, NULL, '', '', 'miriam',
 'Response to the Home Affairs Committee inquiry on asylum accommodation',
 'Submission to the Home Affairs Committee on asylum accommodation, with evidence from synagogue-hosted drop-ins near hotels.\n\n**Recommendations:** a council-led, community-based model; an end to large sites; safeguarding checks for children.',
 'Published as written evidence in April.'),
(23, 'event_participated', '2025-02-26', '10:00', 5, 9, NULL, '', '', 'tom',
 'Together With Refugees lobby day in Parliament',
 'Brought twelve supporters from synagogues to the **Together With Refugees** lobby day. Meetings with **Helen Marchbank MP** and **Rajiv Chandran MP** on safe routes and the right to work.',
 'Both MPs agreed to back the coalition''s "fair and compassionate" asks.'),
(24, 'appg_meeting', '2025-03-11', '13:00', 8, 5, NULL, '', '', 'demo',
 'APPG on Faith and Displacement: inaugural meeting',
 'Inaugural meeting of the **APPG on Faith and Displacement**, HIAS+JCORE as secretariat.\n\n**Officers elected:**\n\n- Chair: Joseph Okonjo-Reid MP (Labour)\n- Vice-chair: Margaret Ashdown MP (Conservative)\n- Vice-chair: Baroness Linford of Highgate (Crossbench)\n- Secretary and registered contact: Rajiv Chandran MP (Labour)\n\nMembers also present: the Bishop of Southwell and Nottingham and Lord Abelson of Stamford Hill. Purpose agreed: *to amplify faith communities'' voice on refugees and displaced people, in the UK and abroad.*',
 'Register the group within 28 days; draft a programme for the year.'),
(25, 'interfaith_meeting', '2025-03-19', '18:30', 8, 5, NULL, '', '', 'miriam',
 'Interfaith Refugee Network: spring meeting with the APPG chair',
 'Spring meeting of the network, joined by **Joseph Okonjo-Reid MP**, chair of the new APPG, who asked how faith leaders could give evidence.\n\nAlso discussed: Refugee Week plans, and Ramadan and Passover events open to refugees.',
 'Three members will give evidence to the APPG''s first session.'),
(26, 'event_organised', '2025-03-21', '18:00', 4, NULL, NULL, '', '', 'demo',
 'Panel: racism and the asylum system, on the UN anti-racism day',
 'For the International Day for the Elimination of Racial Discrimination we hosted a panel with the **Alliance for Racial Justice**, **Refugee Action**''s lived experience campaigner Hamid Sultani and **Rosalind Feltham MP**.\n\nThemes: racialised language about "illegal" arrivals, hotel protests, and solidarity between communities.',
 'Recording shared with 1,200 mailing list subscribers.'),
(27, 'media_appearance', '2025-03-21', '21:10', 4, NULL, 'LBC', 'LBC News', 'https://www.lbc.co.uk/news/racism-asylum-debate-jewish-charity/', 'demo',
 'LBC interview: racism and the asylum debate',
 'Evening interview on **LBC** on the UN anti-racism day: is the asylum debate racist? We argued that the language used about people crossing the Channel echoes what was said about Jewish refugees in the 1930s.\n\n[Listen](https://www.lbc.co.uk/news/racism-asylum-debate-jewish-charity/)',
 'Some hostile calls; handled well. Booked through Olivia Sandhu.'),
(28, 'meeting', '2025-04-08', '10:30', 1, 3, NULL, '', '', 'miriam',
 'Home Office stakeholder roundtable on age assessment',
 'Roundtable chaired by **Mark Stansfield** (Home Office), with the Department for Education and children''s charities.\n\nWe pressed for:\n\n- no age-disputed children in adult hotels\n- independent advocates\n- published data on disputes later resolved in the child''s favour',
 'Officials will consider publishing dispute data. Next roundtable in the autumn.'),
(29, 'appg_meeting', '2025-05-13', '13:30', 1, 3, NULL, '', '', 'demo',
 'APPG on Faith and Displacement: evidence session on unaccompanied children',
 'First evidence session of the APPG. **Ingrid Solberg** (Safe Passage International) and two JUMP young people gave evidence; **Helen Marchbank MP** and **Baroness Adebayo-Clarke** asked questions.',
 'Minutes circulated for approval at the next meeting.'),
(30, 'meeting', '2025-05-20', '14:00', 7, 5, NULL, '', '', 'demo',
 'FCDO roundtable with visiting HIAS country directors',
 'Hosted at King Charles Street. HIAS staff from **Kenya**, **Ukraine** and **Colombia** briefed three FCDO desks:\n\n- Kenya: the effect of ration cuts in Kakuma\n- Ukraine: legal aid for internally displaced people\n- Colombia: protection for Venezuelan women at the border\n\nThis meets the year-one goal of feeding back to **three FCDO desks** from **three country offices**.',
 'Each desk asked for a two-page note; the FCDO will host a follow-up in the autumn.'),
(31, 'consultation_response', '2025-05-30', NULL, 8, 4, NULL, '', '', 'miriam',
 'Response to the MHCLG call for evidence on community cohesion',
 'Response to the Ministry of Housing, Communities and Local Government on social cohesion, arguing that **welcoming refugees builds cohesion** and that faith groups are under-used partners.',
 ''),
(32, 'parliamentary_activity', '2025-06-12', NULL, 3, 5, NULL, '', '', 'demo',
 'Lords second reading of the Border Security Bill: Bishop Ashby cites our evidence',
 'At Lords second reading, **Rt Revd Catherine Ashby** quoted our evidence on children, and **Baroness Linford of Highgate** asked about guardianship.\n\n[Hansard](https://hansard.parliament.uk/)',
 'Both peers will table amendments at committee stage; we will draft with Safe Passage.'),
(33, 'interfaith_meeting', '2025-06-17', '18:30', 8, 2, NULL, '', '', 'miriam',
 'Interfaith Refugee Network: Refugee Week gathering',
 'Refugee Week gathering of the network with refugees from the JUMP project. Nine faith leaders took part.\n\n**Year-one review:** four meetings held, twelve leaders engaged, one statement, evidence to the APPG.',
 'Network to continue quarterly in 2025-26.'),
(34, 'event_organised', '2025-06-18', '17:30', 2, 5, NULL, '', '', 'demo',
 'Refugee Week parliamentary reception: "Welcome the stranger"',
 'Reception in the Jubilee Room hosted by **Joseph Okonjo-Reid MP**. JUMP young people spoke about finding community in London.\n\nParliamentarians present included Helen Marchbank, Rajiv Chandran, Alastair Whyte and Fiona Drummond MPs and Lord Abelson.',
 '23 MPs and Peers dropped in; 9 new contacts.'),
(35, 'media_appearance', '2025-06-19', '07:15', 1, 2, 'Sky News', 'Sky News Breakfast', 'https://news.sky.com/story/refugee-week-befriending-young-asylum-seekers-13385202', 'tom',
 'Sky News Breakfast: Refugee Week and the JUMP befriending project',
 'A JUMP befriending pair and our Executive Director were interviewed live for **Refugee Week**.\n\n[Watch](https://news.sky.com/story/refugee-week-befriending-young-asylum-seekers-13385202)',
 'Twelve enquiries about becoming a befriender.'),
(36, 'event_organised', '2025-06-20', '12:00', 8, 7, NULL, '', '', 'miriam',
 'Refugee Shabbat 2025: launch webinar for synagogues',
 'Launched HIAS''s **Refugee Shabbat** resources for UK synagogues, with **Deborah Feinstein** (HIAS) and **Rabbi Benjamin Golding**.',
 '41 synagogues registered to mark Refugee Shabbat.'),
(37, 'media_appearance', '2024-11-05', NULL, 6, 8, 'The Times', 'Letters to the editor', 'https://www.thetimes.com/comment/letters-to-the-editor/article/faith-leaders-asylum-hotels-letter-k2v9h3', 'miriam',
 'Letter in The Times: faith leaders on asylum hotels',
 'A letter coordinated by HIAS+JCORE and signed by **Rt Revd Catherine Ashby**, **Imam Abdul-Karim Siddiqui** and **Rabbi Naomi Kessler** calling for a community-based alternative to asylum hotels.\n\n[Read the letter](https://www.thetimes.com/comment/letters-to-the-editor/article/faith-leaders-asylum-hotels-letter-k2v9h3)',
 ''),
(38, 'media_appearance', '2025-04-29', NULL, 9, NULL, 'The Independent', 'Voices', 'https://www.independent.co.uk/voices/asylum-seekers-right-to-work-b2741530.html', 'demo',
 'Opinion in The Independent: let people seeking asylum work',
 'Our opinion piece argued for the **right to work** after six months, with the cost of asylum support and the experience of JUMP young people turning 18.\n\n[Read it](https://www.independent.co.uk/voices/asylum-seekers-right-to-work-b2741530.html)',
 'Shared by Lift the Ban.'),
-- 2025-26 (strategy year two)
(40, 'consultation_response', '2025-09-12', NULL, 5, 2, NULL, '', '', 'demo',
 'Response to the immigration white paper: settlement and family reunion',
 'Our response to the proposals on settlement and family reunion in the immigration white paper.\n\n- a ten-year qualifying period would leave refugees in limbo for a decade\n- family reunion must stay open to refugee children',
 ''),
(41, 'event_participated', '2025-09-22', '13:00', 9, NULL, NULL, '', '', 'demo',
 'Liberal Democrat conference fringe, Bournemouth: the right to work',
 'Spoke alongside **Alastair Whyte MP** and **Lift the Ban** at a fringe on the right to work.',
 ''),
(42, 'interfaith_meeting', '2025-09-24', '18:30', 7, 8, NULL, '', '', 'miriam',
 'Interfaith Refugee Network: aid cuts and faith responses',
 'First meeting of year two. **Deborah Feinstein** (HIAS) joined online to describe the effect of global aid cuts on HIAS programmes.\n\nMembers agreed to raise the cuts in sermons and newsletters during the autumn festivals.',
 ''),
(43, 'event_participated', '2025-09-29', '17:30', 3, NULL, NULL, '', '', 'demo',
 'Labour conference fringe, Liverpool: fixing the asylum backlog',
 'Panel with **Priya Nandakumar MP** and the **Refugee Council** on decision quality and legal aid.',
 ''),
(44, 'event_organised', '2025-09-30', '18:30', 3, NULL, NULL, '', '', 'demo',
 'Launch of the HIAS+JCORE legal network',
 'Launched our **legal network**: 26 lawyers who support JUMP young people pro bono or signpost them. **Dr Laila Mansour** set out the terms of reference; **Eleanor Castleford MP** spoke about advice deserts.',
 '26 lawyers signed the terms of reference.'),
(45, 'event_participated', '2025-10-06', '12:30', 2, 8, NULL, '', '', 'demo',
 'Conservative conference fringe, Manchester: integration that works',
 'Panel with **Margaret Ashdown MP** and **Lord Wetherby of Thirsk** on refugee integration and employment.',
 'Lord Wetherby asked for a meeting about asylum accommodation.'),
(46, 'event_participated', '2025-10-16', '18:30', 4, 8, NULL, '', '', 'tom',
 'Black History Month evening: Windrush, refugees and Jewish London',
 'Contributed to an evening with the **Alliance for Racial Justice** and **Cllr Amara Nwosu** on solidarity between Black, Jewish and refugee communities in London.',
 ''),
(47, 'appg_meeting', '2025-10-21', '13:00', 3, NULL, NULL, '', '', 'demo',
 'APPG on Faith and Displacement: legal aid deserts',
 'Evidence session on access to immigration legal advice. **Dr Laila Mansour** described the legal network''s casework; **Siân Pritchard MP** and **Baroness Adebayo-Clarke** asked about fees.',
 'The chair will write to the Justice Secretary on behalf of the group.'),
(48, 'event_organised', '2025-11-16', '10:00', 2, 8, NULL, '', '', 'miriam',
 'Mitzvah Day 2025: Welcome Circle packing day in Leeds',
 'Mitzvah Day packing day for families arriving through community sponsorship, with our first **Welcome Circle** outside London. **Cllr Ruth Oyelaran** joined.',
 ''),
(49, 'media_appearance', '2025-11-18', '17:20', 2, 5, 'Times Radio', 'Drive', 'https://www.thetimes.com/radio/temporary-refugee-status-settlement-9fk2', 'demo',
 'Times Radio: temporary refugee status and the 20-year route to settlement',
 'Live interview the day after the asylum policy statement. We said that making refugee status temporary would **undermine integration** and hurt children most.\n\n[Listen again](https://www.thetimes.com/radio/temporary-refugee-status-settlement-9fk2)',
 ''),
(50, 'event_participated', '2025-11-20', '10:00', 4, NULL, NULL, '', '', 'demo',
 'Alliance for Racial Justice national gathering',
 'Ran a workshop on anti-refugee racism at the **Alliance for Racial Justice** national gathering.',
 ''),
(51, 'consultation_response', '2025-11-28', NULL, 3, NULL, NULL, '', '', 'miriam',
 'Response to the consultation on immigration legal aid fees',
 'Supported higher fees and asked for a specific fee for age-dispute work, with evidence from the **legal network**.',
 ''),
(52, 'appg_meeting', '2025-12-09', '13:00', 7, NULL, NULL, '', '', 'demo',
 'APPG on Faith and Displacement: HIAS country offices on aid cuts',
 'Session on international displacement. **Deborah Feinstein** (HIAS) and **Wanjiru Kamau** (HIAS Kenya, online) described the effect of aid cuts; **Lord Gilchrist of Kelvinside** and **Charles Everley MP** asked about Kenya''s *Shirika* plan.',
 'The group will write to the Development Minister about humanitarian funding for refugees.'),
(53, 'interfaith_meeting', '2025-12-10', '18:30', 5, 8, NULL, '', '', 'miriam',
 'Interfaith Refugee Network: winter meeting on temporary protection',
 'Winter meeting during Hanukkah and Advent. Members discussed the plans for **temporary refugee status** and agreed a joint faith response.',
 'Joint response drafted by Father Doherty and Rabbi Stamler.'),
(54, 'event_participated', '2025-12-23', '16:00', 8, NULL, NULL, '', '', 'demo',
 'Limmud Festival 2025 panel: "Who is my neighbour?"',
 'Panel with **Rabbi Naomi Kessler** and **Rachel Blum** (René Cassin) on Jewish responses to asylum policy.',
 ''),
(55, 'consultation_response', '2026-01-16', NULL, 5, 2, NULL, '', '', 'demo',
 'Response to the asylum policy statement: temporary protection and settlement',
 'Our formal response to the proposals for temporary protection and longer routes to settlement.\n\n1. **Children:** no status reviews for anyone who arrived as a child\n2. **Integration:** uncertainty stops people working, studying and putting down roots\n3. **Family reunion:** must stay open to refugee children\n\nCo-signed by the Interfaith Refugee Network.',
 ''),
(56, 'event_organised', '2026-01-27', '19:00', 4, 8, NULL, '', '', 'miriam',
 'Holocaust Memorial Day 2026: refugee testimony evening',
 'Evening of testimony from refugees past and present. **Yusuf Bhatti MP**, **Rabbi Shmuel Hartog** and **Imam Abdul-Karim Siddiqui** responded.',
 '200 attended; a racial justice event for year two.'),
(57, 'media_appearance', '2026-02-04', NULL, 5, 2, 'The Jewish Chronicle', 'Opinion', 'https://www.thejc.com/opinion/why-temporary-protection-fails-refugees-x7q2m1', 'demo',
 'Opinion piece in the Jewish Chronicle: why temporary protection fails refugees',
 'Our Executive Director''s column, commissioned by **Benjamin Stroud**: the Kindertransport children were not sent back after 30 months.\n\n[Read it](https://www.thejc.com/opinion/why-temporary-protection-fails-refugees-x7q2m1)',
 ''),
(58, 'meeting', '2026-02-10', '09:00', 7, NULL, NULL, '', '', 'demo',
 'Fact-finding visit to HIAS Kenya: Nairobi and Kakuma',
 'Staff fact-finding trip hosted by **Wanjiru Kamau**, Country Director of HIAS Kenya.\n\n- met refugee-led organisations in Nairobi\n- visited mental health and protection services in Kakuma\n- heard how ration cuts are affecting families',
 'Trip report for trustees; a briefing for the FCDO East Africa desk.'),
(59, 'event_participated', '2026-02-25', '10:00', 5, 2, NULL, '', '', 'tom',
 'Together With Refugees lobby day 2026',
 'Fifteen synagogue supporters met their MPs at the **Together With Refugees** lobby day, including **Helen Marchbank**, **Bethan Rowlands** and **Eleanor Castleford**.',
 ''),
(60, 'appg_meeting', '2026-03-17', '13:00', 8, NULL, NULL, '', '', 'demo',
 'APPG on Faith and Displacement: annual general meeting',
 'First **AGM** of the group, held more than a year after the inaugural meeting.\n\n- officers re-elected unopposed\n- income and expenditure statement approved (**nil return**: the secretariat is funded by HIAS+JCORE)\n- programme for 2026-27 agreed\n\nEight members present: quorate.',
 'Publish the income and expenditure statement and update the Register entry.'),
(61, 'interfaith_meeting', '2026-03-18', '18:30', 8, 2, NULL, '', '', 'miriam',
 'Interfaith Refugee Network: spring meeting on Ramadan, Passover and welcome',
 'Members shared plans for iftars and seders open to refugees, and reviewed the network''s response to the asylum policy statement.',
 ''),
(62, 'event_participated', '2026-03-20', '18:00', 4, NULL, NULL, '', '', 'demo',
 'SOAS panel for the UN anti-racism day: "Hostile environments"',
 'Spoke with **Jess Whitlock** (Alliance for Racial Justice) on the history of hostile environment policies; chaired by **Zara Khalil** of HuffPost UK.',
 ''),
(63, 'consultation_response', '2026-03-27', NULL, 5, NULL, NULL, '', '', 'demo',
 'Evidence to the Joint Committee on Human Rights on safe routes',
 'Evidence on the human rights case for safe routes, including a humanitarian visa and family reunion for children.',
 ''),
(64, 'event_participated', '2026-04-22', '19:30', 2, 6, NULL, '', '', 'tom',
 'Barnet local elections hustings on refugee welcome',
 'Co-hosted a hustings before the borough elections. **Cllr Sophie Brennan** (Labour) and **Cllr Adam Kershaw** (Conservative) answered questions on asylum housing and the move-on period.',
 ''),
(65, 'appg_meeting', '2026-05-19', '13:00', 2, 5, NULL, '', '', 'demo',
 'APPG on Faith and Displacement: integration under temporary protection',
 'Session with **Peter Lindqvist** (MHCLG) in attendance and **Kwame Boateng** (Refugee Council) giving evidence. **Priya Nandakumar MP** asked about councils'' duties.',
 ''),
(66, 'consultation_response', '2026-05-22', NULL, 1, 2, NULL, '', '', 'miriam',
 'Response to the Department for Education consultation on care leavers',
 'Asked that unaccompanied young people get the same leaving-care support as every other care leaver, **whatever their immigration status**.',
 ''),
(67, 'interfaith_meeting', '2026-06-16', '18:30', 8, 2, NULL, '', '', 'miriam',
 'Interfaith Refugee Network: Refugee Week meeting and year-two review',
 'Refugee Week meeting and review of the year: four meetings, a joint consultation response and a statement on temporary protection.',
 ''),
(68, 'event_organised', '2026-06-17', '17:00', 1, 2, NULL, '', '', 'demo',
 'Refugee Week 2026 parliamentary drop-in: stories from JUMP',
 'Drop-in in Portcullis House where JUMP young people met parliamentarians.\n\nVisitors included **Joseph Okonjo-Reid**, **Helen Marchbank**, **Rosalind Feltham**, **Yusuf Bhatti** and **Charles Everley** MPs and **Baroness Penhallow**.',
 '31 parliamentarians visited.'),
(69, 'event_organised', '2026-06-19', '12:00', 8, 7, NULL, '', '', 'miriam',
 'Refugee Shabbat 2026: resource launch with HIAS',
 'Launched this year''s **Refugee Shabbat** resources with **Deborah Feinstein** (HIAS).',
 '57 synagogues registered.'),
(70, 'event_participated', '2026-06-21', '15:00', 8, 2, NULL, '', '', 'tom',
 'World Refugee Day interfaith gathering, Leeds',
 'Joined **Cllr Ruth Oyelaran** and **Revd Grace Mensah-Bonsu** at an interfaith gathering in Leeds for World Refugee Day.',
 ''),
(71, 'media_appearance', '2025-10-23', NULL, 4, 8, 'Jewish News', 'Opinion', 'https://www.jewishnews.co.uk/black-history-month-refugees-racism-opinion/', 'miriam',
 'Jewish News opinion: Black History Month and the refugees we forget',
 'Our column for Black History Month, commissioned by **Tamsin Greaves**, on the shared history of Black and Jewish Londoners and the racism people seeking asylum face today.\n\n[Read it](https://www.jewishnews.co.uk/black-history-month-refugees-racism-opinion/)',
 'Shared by the Alliance for Racial Justice.'),
(72, 'media_appearance', '2026-01-25', '07:35', 4, 8, 'BBC Radio 4', 'Sunday', 'https://www.bbc.co.uk/sounds/play/m002qz8c', 'demo',
 'BBC Radio 4 Sunday: Holocaust Memorial Day and today''s refugees',
 'Our Executive Director and a JUMP young person spoke to **Sunday** ahead of Holocaust Memorial Day about what "never again" asks of us when people seeking asylum are targeted.\n\n[Listen again](https://www.bbc.co.uk/sounds/play/m002qz8c)',
 ''),
-- 2026-27 (year three, to date)
(80, 'appg_meeting', '2026-07-07', '14:00', 2, 5, NULL, '', '', 'miriam',
 'APPG on Refugees: the earned settlement proposals',
 'Attended the APPG on Refugees session on earned settlement; **Kwame Boateng** (Refugee Council) presented. **Joseph Okonjo-Reid MP** proposed a joint session with our APPG.',
 ''),
(81, 'media_appearance', '2026-08-04', NULL, 4, 8, 'The Guardian', 'UK news', 'https://www.theguardian.com/uk-news/2026/aug/04/two-years-after-riots-faith-groups-asylum-rhetoric', 'demo',
 'The Guardian: two years on from the riots, faith groups warn on asylum rhetoric',
 '**Hannah Lieberman** interviewed our Executive Director for a piece marking two years since the attacks on asylum hotels.\n\n[Read the article](https://www.theguardian.com/uk-news/2026/aug/04/two-years-after-riots-faith-groups-asylum-rhetoric)',
 ''),
(82, 'event_organised', '2026-09-15', '08:30', 2, 6, NULL, '', '', 'demo',
 'Breakfast briefing for London councillors on the move-on period',
 'Breakfast briefing at City Hall for councillors with housing and communities briefs: **Cllr Amara Nwosu**, **Cllr Leon Hartigan** and **Cllr Mohammed Farouk**.\n\nWe presented data on refugee homelessness after a grant of status.',
 'Two councils asked for our data pack.'),
(83, 'interfaith_meeting', '2026-09-23', '18:30', 8, NULL, NULL, '', '', 'miriam',
 'Interfaith Refugee Network: autumn meeting, planning year three',
 'Planning for year three: a faith leaders'' summit in spring, Interfaith Week events, and a response to the earned settlement consultation.',
 ''),
(84, 'event_participated', '2026-09-28', '13:00', 2, 8, NULL, '', '', 'demo',
 'Labour conference fringe: settlement, integration and cohesion',
 'Panel with **Rajiv Chandran MP** and **Together With Refugees** on why long routes to settlement harm cohesion.',
 ''),
(85, 'consultation_response', '2026-10-09', NULL, 2, 5, NULL, '', '', 'demo',
 'Response to the Home Office consultation on earned settlement',
 'Our response to the earned settlement consultation:\n\n- refugees should keep a five-year route to settlement\n- children and care leavers must be exempt from longer routes\n- volunteering and community contribution should count',
 ''),
(86, 'appg_meeting', '2026-10-20', '13:00', 6, NULL, NULL, '', '', 'demo',
 'APPG on Faith and Displacement: asylum accommodation after hotels',
 'Session on what replaces asylum hotels. **Rebecca Oduya** (Home Office) attended; **Cllr Lucy Farrant** described Manchester''s experience of dispersal. **Margaret Ashdown MP** chaired.',
 'Draft minutes to officers for approval.'),
(87, 'coalition_meeting', '2026-10-28', '10:00', 5, 2, NULL, '', '', 'miriam',
 'Together With Refugees: autumn campaign planning',
 'Planning meeting for the winter campaign with **Charlotte Ainsworth** and **Kwame Boateng**.\n\n- a faith leaders'' letter in December\n- a lobby day before the spring recess\n- shared messaging on earned settlement',
 'HIAS+JCORE leads the faith leaders'' letter.'),
(88, 'meeting', '2026-11-10', '11:30', 1, 2, NULL, '', '', 'demo',
 'Meeting with Helen Marchbank MP: JUMP young people leaving care',
 'Met **Helen Marchbank MP** in her constituency office with two JUMP befrienders. We discussed young people turning 18 while their claims are outstanding.\n\nShe offered to table a written question and to raise it with the Children''s Minister.',
 'Written question wording to send; invite her to the JUMP winter social.'),
(89, 'event_participated', '2026-11-12', '10:00', 4, NULL, NULL, '', '', 'tom',
 'Alliance for Racial Justice annual assembly',
 'Took part in the **Alliance for Racial Justice** annual assembly with **Jess Whitlock**; we presented our work linking the treatment of refugees to racism.',
 ''),
(90, 'event_organised', '2026-11-15', '10:00', 2, 8, NULL, '', '', 'miriam',
 'Mitzvah Day 2026: refugee welcome drop-ins',
 'Mitzvah Day projects at refugee drop-ins in Barnet and Edgware, with **Cllr Sophie Brennan** and **Rabbi Jeremy Stamler**.',
 '165 volunteers took part.'),
(91, 'meeting', '2026-11-18', '14:00', 2, 5, NULL, '', '', 'demo',
 'Meeting with Jennifer Holloway (Home Office) on earned settlement',
 'Meeting at 2 Marsham Street with **Jennifer Holloway** and **Nadia Ferreira** on the consultation response.\n\nOfficials were interested in the evidence on children and on family reunion.',
 'Send anonymised case studies; officials will share the timetable for the response.'),
(92, 'media_appearance', '2026-11-19', NULL, 1, 2, 'HuffPost UK', 'Politics', 'https://www.huffingtonpost.co.uk/entry/earned-settlement-refugee-children_uk_673c1e9fe4b0a1c2d3e4f5a6', 'demo',
 'HuffPost UK: what earned settlement means for refugee children',
 '**Zara Khalil** quoted our Executive Director and a JUMP young person on the earned settlement proposals.\n\n[Read online](https://www.huffingtonpost.co.uk/entry/earned-settlement-refugee-children_uk_673c1e9fe4b0a1c2d3e4f5a6)',
 '');

INSERT INTO demo_eng_person (n, name) VALUES
	(1, 'Geoffrey Hallam'),
	(2, 'Rachel Blum'), (2, 'Daniel Kaye'),
	(3, 'Imam Abdul-Karim Siddiqui'), (3, 'Revd Canon Patricia Ellwood'), (3, 'Rabbi Naomi Kessler'),
	(4, 'Rhys Caddick'),
	(5, 'Hannah Lieberman'),
	(6, 'Rabbi Benjamin Golding'), (6, 'Jess Whitlock'),
	(7, 'Geoffrey Hallam'),
	(8, 'Rabbi Naomi Kessler'), (8, 'Rabbi Benjamin Golding'), (8, 'Imam Abdul-Karim Siddiqui'),
	(8, 'Revd Canon Patricia Ellwood'), (8, 'Father Michael Doherty'), (8, 'Revd Grace Mensah-Bonsu'),
	(8, 'Bhai Harjinder Singh Sohal'), (8, 'Ruth Cadwallader'),
	(9, 'Priya Nandakumar'), (9, 'Samira Haddad'),
	(10, 'Oliver Pennington'),
	(11, 'Joseph Okonjo-Reid'), (11, 'Kwame Boateng'),
	(13, 'Sophie Brennan'),
	(14, 'Helen Marchbank'), (14, 'Ingrid Solberg'),
	(15, 'Rabbi Naomi Kessler'), (15, 'Imam Abdul-Karim Siddiqui'), (15, 'Revd Canon Patricia Ellwood'),
	(15, 'Bhai Harjinder Singh Sohal'), (15, 'Pandit Anil Joshi'), (15, 'Shaykh Hamza Idris'),
	(15, 'Rabbi Shmuel Hartog'),
	(16, 'Rabbi Jeremy Stamler'),
	(17, 'Joseph Okonjo-Reid'), (17, 'Rajiv Chandran'),
	(18, 'Rhys Caddick'),
	(19, 'Rabbi Shmuel Hartog'), (19, 'Helen Marchbank'),
	(21, 'Alastair Whyte'), (21, 'Siân Pritchard'),
	(23, 'Helen Marchbank'), (23, 'Rajiv Chandran'), (23, 'Charlotte Ainsworth'),
	(24, 'Joseph Okonjo-Reid'), (24, 'Margaret Ashdown'), (24, 'Rajiv Chandran'),
	(24, 'Baroness Linford of Highgate'), (24, 'Rt Revd Catherine Ashby'), (24, 'Lord Abelson of Stamford Hill'),
	(25, 'Rabbi Naomi Kessler'), (25, 'Rabbi Benjamin Golding'), (25, 'Father Michael Doherty'),
	(25, 'Revd Grace Mensah-Bonsu'), (25, 'Ruth Cadwallader'), (25, 'Pandit Anil Joshi'),
	(25, 'Shaykh Hamza Idris'), (25, 'Joseph Okonjo-Reid'),
	(26, 'Jess Whitlock'), (26, 'Hamid Sultani'), (26, 'Rosalind Feltham'),
	(27, 'Olivia Sandhu'),
	(28, 'Mark Stansfield'), (28, 'Simon Achterberg'), (28, 'Ingrid Solberg'),
	(29, 'Joseph Okonjo-Reid'), (29, 'Helen Marchbank'), (29, 'Baroness Adebayo-Clarke of Peckham'),
	(29, 'Ingrid Solberg'),
	(30, 'Hugh Pemberton'), (30, 'Katerina Mills'), (30, 'Jonathan Ferrier'),
	(30, 'Wanjiru Kamau'), (30, 'Oksana Melnyk'), (30, 'Andrés Restrepo'),
	(32, 'Rt Revd Catherine Ashby'), (32, 'Baroness Linford of Highgate'),
	(33, 'Rabbi Naomi Kessler'), (33, 'Rabbi Shmuel Hartog'), (33, 'Imam Abdul-Karim Siddiqui'),
	(33, 'Revd Canon Patricia Ellwood'), (33, 'Father Michael Doherty'), (33, 'Bhai Harjinder Singh Sohal'),
	(33, 'Ruth Cadwallader'), (33, 'Pandit Anil Joshi'), (33, 'Rabbi Jeremy Stamler'),
	(34, 'Joseph Okonjo-Reid'), (34, 'Helen Marchbank'), (34, 'Rajiv Chandran'),
	(34, 'Alastair Whyte'), (34, 'Fiona Drummond'), (34, 'Lord Abelson of Stamford Hill'),
	(35, 'Marcus Delaney'),
	(36, 'Deborah Feinstein'), (36, 'Rabbi Benjamin Golding'),
	(37, 'Rt Revd Catherine Ashby'), (37, 'Imam Abdul-Karim Siddiqui'), (37, 'Rabbi Naomi Kessler'),
	(41, 'Alastair Whyte'), (41, 'Owen Radcliffe'),
	(42, 'Rabbi Naomi Kessler'), (42, 'Rabbi Benjamin Golding'), (42, 'Imam Abdul-Karim Siddiqui'),
	(42, 'Father Michael Doherty'), (42, 'Revd Grace Mensah-Bonsu'), (42, 'Bhai Harjinder Singh Sohal'),
	(42, 'Shaykh Hamza Idris'), (42, 'Deborah Feinstein'),
	(43, 'Priya Nandakumar'), (43, 'Kwame Boateng'),
	(44, 'Dr Laila Mansour'), (44, 'Eleanor Castleford'),
	(45, 'Margaret Ashdown'), (45, 'Lord Wetherby of Thirsk'),
	(46, 'Jess Whitlock'), (46, 'Amara Nwosu'),
	(47, 'Joseph Okonjo-Reid'), (47, 'Siân Pritchard'), (47, 'Dr Laila Mansour'),
	(47, 'Baroness Adebayo-Clarke of Peckham'),
	(48, 'Ruth Oyelaran'),
	(49, 'Felix Armitage'),
	(50, 'Jess Whitlock'),
	(52, 'Deborah Feinstein'), (52, 'Wanjiru Kamau'), (52, 'Lord Gilchrist of Kelvinside'),
	(52, 'Charles Everley'), (52, 'Joseph Okonjo-Reid'),
	(53, 'Revd Canon Patricia Ellwood'), (53, 'Father Michael Doherty'), (53, 'Rabbi Shmuel Hartog'),
	(53, 'Rabbi Jeremy Stamler'), (53, 'Bhai Harjinder Singh Sohal'), (53, 'Ruth Cadwallader'),
	(53, 'Pandit Anil Joshi'),
	(54, 'Rabbi Naomi Kessler'), (54, 'Rachel Blum'),
	(56, 'Yusuf Bhatti'), (56, 'Rabbi Shmuel Hartog'), (56, 'Imam Abdul-Karim Siddiqui'),
	(57, 'Benjamin Stroud'),
	(58, 'Wanjiru Kamau'),
	(59, 'Charlotte Ainsworth'), (59, 'Helen Marchbank'), (59, 'Bethan Rowlands'),
	(59, 'Eleanor Castleford'),
	(60, 'Joseph Okonjo-Reid'), (60, 'Margaret Ashdown'), (60, 'Rajiv Chandran'),
	(60, 'Baroness Linford of Highgate'), (60, 'Rt Revd Catherine Ashby'), (60, 'Lord Abelson of Stamford Hill'),
	(60, 'Rosalind Feltham'), (60, 'Fiona Drummond'),
	(61, 'Imam Abdul-Karim Siddiqui'), (61, 'Shaykh Hamza Idris'), (61, 'Rabbi Naomi Kessler'),
	(61, 'Rabbi Benjamin Golding'), (61, 'Revd Grace Mensah-Bonsu'), (61, 'Pandit Anil Joshi'),
	(61, 'Revd Canon Patricia Ellwood'),
	(62, 'Jess Whitlock'), (62, 'Zara Khalil'),
	(64, 'Sophie Brennan'), (64, 'Adam Kershaw'),
	(65, 'Joseph Okonjo-Reid'), (65, 'Priya Nandakumar'), (65, 'Peter Lindqvist'),
	(65, 'Kwame Boateng'),
	(67, 'Rabbi Naomi Kessler'), (67, 'Rabbi Benjamin Golding'), (67, 'Rabbi Shmuel Hartog'),
	(67, 'Imam Abdul-Karim Siddiqui'), (67, 'Revd Canon Patricia Ellwood'), (67, 'Father Michael Doherty'),
	(67, 'Bhai Harjinder Singh Sohal'), (67, 'Ruth Cadwallader'), (67, 'Revd Grace Mensah-Bonsu'),
	(68, 'Joseph Okonjo-Reid'), (68, 'Helen Marchbank'), (68, 'Rosalind Feltham'),
	(68, 'Yusuf Bhatti'), (68, 'Charles Everley'), (68, 'Baroness Penhallow of Truro'),
	(69, 'Deborah Feinstein'),
	(70, 'Ruth Oyelaran'), (70, 'Revd Grace Mensah-Bonsu'),
	(71, 'Tamsin Greaves'),
	(72, 'Rhys Caddick'),
	(80, 'Joseph Okonjo-Reid'), (80, 'Kwame Boateng'),
	(81, 'Hannah Lieberman'),
	(82, 'Amara Nwosu'), (82, 'Leon Hartigan'), (82, 'Mohammed Farouk'),
	(83, 'Rabbi Naomi Kessler'), (83, 'Rabbi Benjamin Golding'), (83, 'Imam Abdul-Karim Siddiqui'),
	(83, 'Revd Canon Patricia Ellwood'), (83, 'Father Michael Doherty'), (83, 'Bhai Harjinder Singh Sohal'),
	(83, 'Pandit Anil Joshi'),
	(84, 'Rajiv Chandran'), (84, 'Charlotte Ainsworth'),
	(86, 'Margaret Ashdown'), (86, 'Joseph Okonjo-Reid'), (86, 'Rebecca Oduya'),
	(86, 'Lucy Farrant'),
	(87, 'Charlotte Ainsworth'), (87, 'Kwame Boateng'),
	(88, 'Helen Marchbank'),
	(89, 'Jess Whitlock'),
	(90, 'Sophie Brennan'), (90, 'Rabbi Jeremy Stamler'),
	(91, 'Jennifer Holloway'), (91, 'Nadia Ferreira'),
	(92, 'Zara Khalil');

-- Organisations beyond the linked people's own (those are added anyway).
INSERT INTO demo_eng_org (n, name) VALUES
	(2, 'Home Office'),
	(3, 'Alliance for Racial Justice'),
	(6, 'Board of Deputies of British Jews'),
	(8, 'Interfaith Refugee Network'),
	(9, 'Families Together'),
	(11, 'Refugee Council'),
	(12, 'Home Office'),
	(15, 'Interfaith Refugee Network'),
	(20, 'Ministry of Justice'),
	(23, 'Together With Refugees'),
	(25, 'Interfaith Refugee Network'),
	(26, 'Alliance for Racial Justice'),
	(28, 'Home Office'), (28, 'The Children''s Society'),
	(30, 'Foreign, Commonwealth & Development Office'),
	(31, 'Ministry of Housing, Communities and Local Government'),
	(33, 'Interfaith Refugee Network'),
	(36, 'Board of Deputies of British Jews'),
	(40, 'Home Office'),
	(41, 'Lift the Ban'),
	(42, 'Interfaith Refugee Network'),
	(43, 'Refugee Council'),
	(44, 'Refugees at Home'),
	(46, 'Alliance for Racial Justice'),
	(50, 'Alliance for Racial Justice'),
	(51, 'Ministry of Justice'),
	(53, 'Interfaith Refugee Network'),
	(55, 'Home Office'), (55, 'Interfaith Refugee Network'),
	(59, 'Together With Refugees'),
	(61, 'Interfaith Refugee Network'),
	(63, 'Safe Passage International'),
	(66, 'Department for Education'),
	(67, 'Interfaith Refugee Network'),
	(69, 'HIAS'),
	(83, 'Interfaith Refugee Network'),
	(84, 'Together With Refugees'),
	(85, 'Home Office'),
	(87, 'Together With Refugees');

-- ---------------------------------------------------------------------
-- Generated engagements: contact pools, a plan, and text templates.
--
-- A pool entry is who (p1, p2), about what (t1; t2 on every other use),
-- with which organisation or outlet (org1, prog).  Entries of wave 2 are
-- first used in 2025-26, so that year has new contacts too.  Entry i of a
-- pool must run 1.. with wave 1 first.
-- ---------------------------------------------------------------------

CREATE TEMPORARY TABLE demo_pool (
	pool	VARCHAR(10) NOT NULL,
	i	INT NOT NULL,
	wave	INT NOT NULL,
	p1	VARCHAR(200) NOT NULL,
	p2	VARCHAR(200) NULL,
	t1	INT NOT NULL,
	t2	INT NULL,
	org1	VARCHAR(200) NULL,
	prog	VARCHAR(300) NULL,
	PRIMARY KEY (pool, i)
);

INSERT INTO demo_pool (pool, i, wave, p1, p2, t1, t2, org1, prog) VALUES
	-- decision makers: meetings, briefings, correspondence
	('dm', 1, 1, 'Helen Marchbank', NULL, 1, 2, NULL, NULL),
	('dm', 2, 1, 'Baroness Linford of Highgate', NULL, 3, 7, NULL, NULL),
	('dm', 3, 1, 'Jennifer Holloway', NULL, 8, 5, NULL, NULL),
	('dm', 4, 1, 'Sophie Brennan', NULL, 4, 14, NULL, NULL),
	('dm', 5, 1, 'Joseph Okonjo-Reid', NULL, 14, 10, NULL, NULL),
	('dm', 6, 1, 'Alastair Whyte', NULL, 11, 8, NULL, NULL),
	('dm', 7, 1, 'Mark Stansfield', NULL, 1, 2, NULL, NULL),
	('dm', 8, 1, 'Amara Nwosu', NULL, 6, 4, NULL, NULL),
	('dm', 9, 1, 'Oliver Pennington', NULL, 9, 11, NULL, NULL),
	('dm', 10, 1, 'Lord Abelson of Stamford Hill', NULL, 10, 13, NULL, NULL),
	('dm', 11, 1, 'Siân Pritchard', NULL, 7, 8, NULL, NULL),
	('dm', 12, 1, 'Claire Donnithorne', NULL, 7, NULL, NULL, NULL),
	('dm', 13, 1, 'Fiona Drummond', NULL, 10, 11, NULL, NULL),
	('dm', 14, 1, 'Rajiv Chandran', NULL, 6, 14, NULL, NULL),
	('dm', 15, 1, 'Leon Hartigan', NULL, 4, 9, NULL, NULL),
	('dm', 16, 1, 'Baroness Adebayo-Clarke of Peckham', NULL, 2, 3, NULL, NULL),
	('dm', 17, 1, 'Margaret Ashdown', NULL, 14, 6, NULL, NULL),
	('dm', 18, 1, 'Peter Lindqvist', NULL, 6, 14, NULL, NULL),
	('dm', 19, 1, 'Priya Nandakumar', NULL, 8, 10, NULL, NULL),
	('dm', 20, 1, 'Rt Revd Catherine Ashby', NULL, 10, 9, NULL, NULL),
	('dm', 21, 1, 'Mohammed Farouk', NULL, 14, 13, NULL, NULL),
	('dm', 22, 1, 'Simon Achterberg', NULL, 2, 1, NULL, NULL),
	('dm', 23, 1, 'Bethan Rowlands', NULL, 6, 10, NULL, NULL),
	('dm', 24, 1, 'Nadia Ferreira', NULL, 10, 5, NULL, NULL),
	('dm', 25, 1, 'Joseph Okonjo-Reid', 'Baroness Linford of Highgate', 14, 13, NULL, NULL),
	('dm', 26, 1, 'Mark Stansfield', 'Simon Achterberg', 2, 1, NULL, NULL),
	('dm', 27, 1, 'Helen Marchbank', NULL, 2, 7, NULL, NULL),
	('dm', 28, 2, 'Charles Everley', NULL, 15, 18, NULL, NULL),
	('dm', 29, 2, 'Rosalind Feltham', NULL, 13, 9, NULL, NULL),
	('dm', 30, 2, 'Eleanor Castleford', NULL, 7, 10, NULL, NULL),
	('dm', 31, 2, 'Yusuf Bhatti', NULL, 13, 14, NULL, NULL),
	('dm', 32, 2, 'Lord Wetherby of Thirsk', NULL, 9, 6, NULL, NULL),
	('dm', 33, 2, 'Baroness Penhallow of Truro', NULL, 11, 10, NULL, NULL),
	('dm', 34, 2, 'Lucy Farrant', NULL, 9, 14, NULL, NULL),
	('dm', 35, 2, 'Ruth Oyelaran', NULL, 6, 14, NULL, NULL),
	('dm', 36, 2, 'Rebecca Oduya', NULL, 9, 1, NULL, NULL),
	('dm', 37, 2, 'Adam Kershaw', NULL, 4, 9, NULL, NULL),
	('dm', 38, 2, 'Dennis Marlow', NULL, 13, 9, NULL, NULL),
	('dm', 39, 2, 'Lord Gilchrist of Kelvinside', NULL, 15, 17, NULL, NULL),
	('dm', 40, 2, 'Grace Whitcombe', NULL, 4, 6, NULL, NULL),
	-- FCDO desk meetings, with the matching HIAS country office
	('fcdo', 1, 1, 'Hugh Pemberton', 'Wanjiru Kamau', 15, NULL, NULL, NULL),
	('fcdo', 2, 1, 'Katerina Mills', 'Oksana Melnyk', 16, NULL, NULL, NULL),
	('fcdo', 3, 1, 'Jonathan Ferrier', 'Andrés Restrepo', 17, NULL, NULL, NULL),
	('fcdo', 4, 1, 'Lauren Oduro', 'Mahamat Abakar', 18, NULL, NULL, NULL),
	('fcdo', 5, 1, 'Anita Varghese', 'Deborah Feinstein', 15, NULL, NULL, NULL),
	-- calls with HIAS staff
	('hias', 1, 1, 'Wanjiru Kamau', NULL, 15, NULL, NULL, NULL),
	('hias', 2, 1, 'Oksana Melnyk', NULL, 16, NULL, NULL, NULL),
	('hias', 3, 1, 'Andrés Restrepo', NULL, 17, NULL, NULL, NULL),
	('hias', 4, 1, 'Mahamat Abakar', NULL, 18, NULL, NULL, NULL),
	('hias', 5, 1, 'Deborah Feinstein', NULL, 16, 15, NULL, NULL),
	-- coalition meetings
	('coal', 1, 1, 'Charlotte Ainsworth', NULL, 9, 10, 'Together With Refugees', NULL),
	('coal', 2, 1, 'Jess Whitlock', NULL, 13, 14, 'Alliance for Racial Justice', NULL),
	('coal', 3, 1, 'Samira Haddad', NULL, 10, NULL, 'Families Together', NULL),
	('coal', 4, 1, 'Owen Radcliffe', NULL, 11, NULL, 'Lift the Ban', NULL),
	('coal', 5, 1, 'Ingrid Solberg', NULL, 1, 3, 'Refugee and Migrant Children''s Consortium', NULL),
	('coal', 6, 1, 'Kwame Boateng', NULL, 8, 4, 'Refugee Council', NULL),
	('coal', 7, 1, 'Charlotte Ainsworth', NULL, 13, 6, 'Together With Refugees', NULL),
	-- media: journalist, outlet, programme or section
	('media', 1, 1, 'Hannah Lieberman', NULL, 9, 1, 'The Guardian', 'UK news'),
	('media', 2, 1, 'Benjamin Stroud', NULL, 14, 13, 'The Jewish Chronicle', 'News'),
	('media', 3, 1, 'Tamsin Greaves', NULL, 13, 10, 'Jewish News', 'Opinion'),
	('media', 4, 1, 'Rhys Caddick', NULL, 14, 13, 'BBC Radio 4', 'Sunday'),
	('media', 5, 1, 'Olivia Sandhu', NULL, 11, 9, 'LBC', 'LBC News'),
	('media', 6, 1, 'Marcus Delaney', NULL, 9, 13, 'Sky News', 'Sky News Breakfast'),
	('media', 7, 1, 'Zara Khalil', NULL, 13, 4, 'HuffPost UK', 'Politics'),
	('media', 8, 1, 'Nia Treharne', NULL, 7, 8, 'openDemocracy', 'openDemocracyUK'),
	('media', 9, 1, 'Alice Fenwick', NULL, 14, 9, 'Church Times', 'News'),
	('media', 10, 1, 'Felix Armitage', NULL, 4, 8, 'Times Radio', 'Drive'),
	('media', 11, 1, 'Rhys Caddick', NULL, 10, 16, 'BBC Radio 4', 'PM'),
	('media', 12, 1, 'Tamsin Greaves', NULL, 2, 13, 'Jewish News', 'News'),
	-- parliamentary activity
	('parl', 1, 1, 'Helen Marchbank', NULL, 1, 2, NULL, NULL),
	('parl', 2, 1, 'Alastair Whyte', NULL, 11, 8, NULL, NULL),
	('parl', 3, 1, 'Baroness Linford of Highgate', NULL, 3, 1, NULL, NULL),
	('parl', 4, 1, 'Siân Pritchard', NULL, 7, 8, NULL, NULL),
	('parl', 5, 1, 'Lord Abelson of Stamford Hill', NULL, 10, 14, NULL, NULL),
	('parl', 6, 1, 'Fiona Drummond', NULL, 10, 11, NULL, NULL),
	('parl', 7, 1, 'Joseph Okonjo-Reid', NULL, 14, 9, NULL, NULL),
	('parl', 8, 1, 'Rt Revd Catherine Ashby', NULL, 9, 10, NULL, NULL),
	('parl', 9, 1, 'Priya Nandakumar', NULL, 8, 4, NULL, NULL),
	('parl', 10, 2, 'Baroness Penhallow of Truro', NULL, 11, 10, NULL, NULL),
	('parl', 11, 2, 'Rosalind Feltham', NULL, 13, 9, NULL, NULL),
	('parl', 12, 2, 'Yusuf Bhatti', NULL, 13, NULL, NULL, NULL);

-- Every name in the pools must be a person loaded above.
INSERT INTO demo_check (id)
SELECT x.id FROM demo_pool dp LEFT JOIN demo_pdesc x ON x.name = dp.p1;
INSERT INTO demo_check (id)
SELECT x.id FROM demo_pool dp LEFT JOIN demo_pdesc x ON x.name = dp.p2
WHERE dp.p2 IS NOT NULL;

-- Strategy years (stop is exclusive).  Year 3 runs only to 20 Nov 2026.
CREATE TEMPORARY TABLE demo_year (
	y	INT NOT NULL PRIMARY KEY,
	start	DATE NOT NULL,
	stop	DATE NOT NULL
);
INSERT INTO demo_year (y, start, stop) VALUES
	(1, '2024-07-01', '2025-07-01'),
	(2, '2025-07-01', '2026-07-01'),
	(3, '2026-07-01', '2026-11-21');

-- How many engagements of each kind per year; off rotates the pool so the
-- same person gets a meeting, a briefing and a letter at different times;
-- phase shifts the dates; base makes n unique.
CREATE TEMPORARY TABLE demo_plan (
	tkey	VARCHAR(10) NOT NULL,
	type	VARCHAR(40) NOT NULL,
	pool	VARCHAR(10) NOT NULL,
	y	INT NOT NULL,
	cnt	INT NOT NULL,
	off	INT NOT NULL,
	phase	INT NOT NULL,
	base	INT NOT NULL
);
INSERT INTO demo_plan (tkey, type, pool, y, cnt, off, phase, base) VALUES
	('meet', 'meeting', 'dm', 1, 28, 0, 0, 1000),
	('meet', 'meeting', 'dm', 2, 32, 0, 0, 1000),
	('meet', 'meeting', 'dm', 3, 4, 0, 0, 1000),
	('brief', 'written_briefing', 'dm', 1, 18, 9, 3, 2000),
	('brief', 'written_briefing', 'dm', 2, 20, 9, 3, 2000),
	('brief', 'written_briefing', 'dm', 3, 2, 9, 3, 2000),
	('corr', 'correspondence', 'dm', 1, 16, 18, 5, 3000),
	('corr', 'correspondence', 'dm', 2, 18, 18, 5, 3000),
	('corr', 'correspondence', 'dm', 3, 2, 18, 5, 3000),
	('fcdo', 'meeting', 'fcdo', 1, 5, 0, 2, 4000),
	('fcdo', 'meeting', 'fcdo', 2, 6, 0, 2, 4000),
	('fcdo', 'meeting', 'fcdo', 3, 1, 0, 2, 4000),
	('hias', 'meeting', 'hias', 1, 5, 2, 4, 5000),
	('hias', 'meeting', 'hias', 2, 6, 2, 4, 5000),
	('hias', 'meeting', 'hias', 3, 1, 2, 4, 5000),
	('coal', 'coalition_meeting', 'coal', 1, 14, 0, 1, 6000),
	('coal', 'coalition_meeting', 'coal', 2, 16, 0, 1, 6000),
	('coal', 'coalition_meeting', 'coal', 3, 2, 0, 1, 6000),
	('media', 'media_appearance', 'media', 1, 12, 0, 6, 7000),
	('media', 'media_appearance', 'media', 2, 14, 0, 6, 7000),
	('media', 'media_appearance', 'media', 3, 2, 0, 6, 7000),
	('parl', 'parliamentary_activity', 'parl', 1, 7, 0, 2, 8000),
	('parl', 'parliamentary_activity', 'parl', 2, 8, 0, 2, 8000),
	('parl', 'parliamentary_activity', 'parl', 3, 1, 0, 2, 8000);

-- Row s of cnt in a year falls in the s-th slice of the year, shifted
-- within the slice by arithmetic on s.  The pool entry rotates by 13 a
-- year, so each year starts with different people (wave 2 early in
-- 2025-26).
INSERT INTO demo_eng (n, tkey, type, y, s, pool, pi, d)
SELECT pl.base + pl.y * 100 + q.seq, pl.tkey, pl.type, pl.y, q.seq, pl.pool,
    1 + MOD(q.seq - 1 + pl.off + (pl.y - 1) * 13,
	(SELECT COUNT(*) FROM demo_pool dp
	 WHERE dp.pool = pl.pool AND dp.wave <= pl.y)),
    yr.start + INTERVAL (
	FLOOR((q.seq - 1) * DATEDIFF(yr.stop, yr.start) / pl.cnt) +
	MOD(q.seq * 7 + pl.phase * 11,
	    GREATEST(FLOOR(DATEDIFF(yr.stop, yr.start) / pl.cnt), 1))) DAY
FROM demo_plan pl
JOIN demo_year yr ON yr.y = pl.y
JOIN seq_1_to_60 q ON q.seq <= pl.cnt;

UPDATE demo_eng e
JOIN demo_pool dp ON dp.pool = e.pool AND dp.i = e.pi
SET e.p1 = dp.p1, e.p2 = dp.p2,
    e.topic = IF(MOD(e.s + e.y - 1, 2) = 0 AND dp.t2 IS NOT NULL, dp.t2, dp.t1),
    e.org1 = dp.org1,
    e.outlet = IF(e.tkey = 'media', dp.org1, NULL),
    e.prog = IF(e.tkey = 'media', dp.prog, '');

-- Nothing between Christmas and New Year's Day, no written questions or
-- debates in the August recess, and nothing on Saturdays (Shabbat) or
-- Sundays: move to Friday or Monday.  BBC Radio 4's Sunday programme
-- goes out on the Sunday before.
UPDATE demo_eng SET d = d - INTERVAL 9 DAY
WHERE tkey IS NOT NULL AND MONTH(d) = 12 AND DAY(d) >= 22;
UPDATE demo_eng SET d = d + INTERVAL 1 DAY
WHERE tkey IS NOT NULL AND MONTH(d) = 1 AND DAY(d) = 1;
UPDATE demo_eng SET d = d + INTERVAL 31 DAY
WHERE tkey = 'parl' AND MONTH(d) = 8;
UPDATE demo_eng SET d = CASE DAYOFWEEK(d)
	WHEN 7 THEN d - INTERVAL 1 DAY
	WHEN 1 THEN d + INTERVAL 1 DAY
	ELSE d END
WHERE tkey IS NOT NULL;
UPDATE demo_eng SET d = d - INTERVAL (DAYOFWEEK(d) - 1) DAY
WHERE tkey = 'media' AND prog = 'Sunday';

-- A time on most meetings and calls, broadcasts at their programme's
-- hour, none on letters, briefings or print and online pieces.
UPDATE demo_eng SET t = ELT(1 + MOD(s * 3 + y + (n DIV 1000) * 5, 8),
    '09:30', '10:00', '11:00', '12:30', '14:00', '15:00', '16:30', '18:00')
WHERE tkey IN ('meet', 'fcdo', 'hias', 'coal') AND MOD(s + y, 3) <> 0;
UPDATE demo_eng SET t = CASE prog
	WHEN 'Sunday' THEN '07:35'
	WHEN 'Sky News Breakfast' THEN '07:20'
	WHEN 'PM' THEN '17:25'
	WHEN 'Drive' THEN '17:40'
	WHEN 'LBC News' THEN ELT(1 + MOD(s, 3), '08:15', '12:40', '19:10')
	ELSE NULL END
WHERE tkey = 'media';

UPDATE demo_eng e JOIN demo_topic tp ON tp.k = e.topic
SET e.a1 = tp.a1, e.a2 = IF(MOD(e.n, 2) = 0, tp.a2, NULL)
WHERE e.tkey IS NOT NULL;

-- Template group: by the first person's category (meetings,
-- parliamentary activity) or the outlet's medium (media).
UPDATE demo_eng e
JOIN demo_pdesc x ON x.name = e.p1
LEFT JOIN organisations o ON o.name = e.outlet AND o.id > @obase
SET e.g = CASE e.tkey WHEN 'meet' THEN x.grp WHEN 'parl' THEN x.cat
	WHEN 'media' THEN o.medium ELSE 'x' END,
    e.og = IF(e.tkey = 'meet', x.grp, 'x')
WHERE e.tkey IS NOT NULL;

-- Text templates.  A title and summary are a pair (i); the outcome is
-- chosen separately.  Placeholders: {p} {p2} first and second person,
-- {and2} {with2} the second person if any, {desc} the first person's
-- role, {org} {org2} organisations, {t} {tl} {tp} {asks} the topic,
-- {prog} {link} for media.
CREATE TEMPORARY TABLE demo_tpl (
	tkey	VARCHAR(10) NOT NULL,
	g	VARCHAR(10) NOT NULL,
	i	INT NOT NULL,
	title	VARCHAR(300) NOT NULL,
	summary	TEXT NOT NULL,
	PRIMARY KEY (tkey, g, i)
);
CREATE TEMPORARY TABLE demo_out (
	tkey	VARCHAR(10) NOT NULL,
	g	VARCHAR(10) NOT NULL,
	i	INT NOT NULL,
	outcome	TEXT NOT NULL,
	PRIMARY KEY (tkey, g, i)
);

INSERT INTO demo_tpl (tkey, g, i, title, summary) VALUES
	('meet', 'parl', 1, 'Meeting with {p}{and2} on {tl}',
	 'Met **{p}** ({desc}){with2} in Parliament to discuss {tp}.\n\nWe asked them to support:\n\n{asks}\n\nWe shared two anonymised stories from the **JUMP** befriending project, with the young people''s consent.'),
	('meet', 'parl', 2, '{t}: meeting with {p}{and2}',
	 'Meeting with **{p}**, {desc}{with2}.\n\nWe set out the Jewish community''s concern about {tp} and left our two-page briefing. Our asks:\n\n{asks}'),
	('meet', 'parl', 3, 'Call with {p}{and2} about {tl}',
	 'Thirty-minute call with **{p}** ({desc}){with2} on {tp}.\n\n{p} had read our last briefing; we went through our asks:\n\n{asks}'),
	('meet', 'council', 1, 'Meeting with {p}{and2} on {tl}',
	 'Met **{p}** ({desc}){with2} to discuss {tp} and what it means locally.\n\nPoints raised:\n\n{asks}\n\nWe offered to connect the council with synagogues already running refugee drop-ins.'),
	('meet', 'council', 2, 'Call with {p}{and2}: {tl}',
	 'Call with **{p}**, {desc}{with2}.\n\nThe council sees first hand the effects of {tp}. We discussed:\n\n{asks}'),
	('meet', 'official', 1, 'Meeting with {p}{and2} ({org}) on {tl}',
	 'Stakeholder meeting with **{p}**, {desc}{with2}, on {tp}.\n\nWe raised:\n\n{asks}\n\nOfficials were open about the constraints and keen to hear evidence from the people we support.'),
	('meet', 'official', 2, 'Stakeholder call with {p}{and2}: {tl}',
	 'Online call with **{p}** ({desc}){with2}.\n\nWe shared what **JUMP** befrienders and our legal network are seeing on {tp}, and pressed on:\n\n{asks}'),
	('meet', 'official', 3, '{t}: officials'' meeting with {p}{and2}',
	 'Meeting at the department with **{p}** ({desc}){with2} on {tp}.\n\nOur points:\n\n{asks}'),
	('brief', 'x', 1, 'Briefing for {p}{and2}: {t}',
	 'Sent **{p}** ({desc}){with2} our two-page briefing on {tp}.\n\nThe briefing sets out:\n\n{asks}\n\nIt draws on evidence from the **JUMP** project and from our partners in the [Together With Refugees](https://togetherwithrefugees.org.uk/) coalition.'),
	('brief', 'x', 2, 'Written briefing to {p}{and2} on {tl}',
	 'Tailored briefing for **{p}** ({desc}){with2} ahead of expected business on {tl}.\n\nOur recommendations:\n\n{asks}'),
	('brief', 'x', 3, '{t}: briefing note for {p}{and2}',
	 'Short briefing note for **{p}**, {desc}{with2}, sent at their office''s request and covering {tp}.\n\n{asks}'),
	('corr', 'x', 1, 'Letter to {p}{and2} on {tl}',
	 'Wrote to **{p}** ({desc}){with2} about {tp}, asking them to press for:\n\n{asks}'),
	('corr', 'x', 2, 'Email exchange with {p}{and2} about {tl}',
	 'Email exchange with **{p}** ({desc}){with2} on {tl}. We sent the latest figures and an anonymised case study from the **JUMP** project.'),
	('corr', 'x', 3, 'Reply from {p} on {tl}',
	 '**{p}** ({desc}) replied to our letter on {tp}. The reply restated current policy but accepted that these points deserve more work:\n\n{asks}'),
	('fcdo', 'x', 1, 'Briefing for the {org} with {org2}: {t}',
	 'Joint briefing for **{p}** ({desc}) with **{p2}** of {org2} on {tp}.\n\n{p2} described conditions on the ground. Our asks to the desk:\n\n{asks}'),
	('fcdo', 'x', 2, 'Desk meeting with {p} ({org}): {tl}',
	 'Met **{p}** ({desc}) to pass on what {org2} is seeing: {tp}.\n\n{asks}\n\nWe offered a follow-up call directly with **{p2}**.'),
	('fcdo', 'x', 3, 'Call with the {org} and {org2}',
	 'Online call with **{p}** ({desc}) and **{p2}** ({org2}) on {tp}. Key points:\n\n{asks}'),
	('hias', 'x', 1, 'Call with {org}: {t}',
	 'Regular call with **{p}** ({desc}) on {tp}.\n\n{p} briefed us on the situation. The advocacy asks we agreed:\n\n{asks}\n\nWe will feed these back to the relevant FCDO desk.'),
	('hias', 'x', 2, 'Learning session with {p} ({org}) on {tl}',
	 'Learning session for the HIAS+JCORE team, led by **{p}**, {desc}, on {tp}.\n\nAsks to carry to the FCDO and to parliamentarians:\n\n{asks}'),
	('coal', 'x', 1, '{org}: members'' meeting',
	 '**{org}** members'' meeting, with {p} ({desc}). The main item was {tp}.\n\nWe brought the Jewish community''s perspective and backed the coalition''s asks:\n\n{asks}'),
	('coal', 'x', 2, '{org}: policy working group on {tl}',
	 '{org} policy working group, chaired by **{p}**.\n\nThe group agreed joint lines on {tp}:\n\n{asks}'),
	('coal', 'x', 3, 'Campaign planning call with {org}',
	 'Campaign planning call with **{p}** ({desc}) on {tp}. We discussed timing parliamentary activity with faith-community mobilisation around the next recess.'),
	('coal', 'x', 4, '{org} steering group',
	 '{org} steering group; HIAS+JCORE attends as a member. Main item: {tp}.\n\n{asks}'),
	('media', 'print', 1, 'Quoted in {org} on {tl}',
	 '**{p}** of {org} quoted our Executive Director in a piece on {tp}.\n\nOur key line: *refugees should find safety, community and good neighbours here.*\n\n[Read the article]({link})'),
	('media', 'print', 2, 'Opinion piece in {org}: {t}',
	 'Our opinion piece on {tp} ran in {org}, commissioned by **{p}**. It argued for:\n\n{asks}\n\n[Read it online]({link})'),
	('media', 'broadcast', 1, 'Interview on {prog} ({org}): {tl}',
	 'Our Executive Director was interviewed live on **{prog}** ({org}) about {tp}. Booked through **{p}**.\n\nWe made three points:\n\n{asks}\n\n[Catch up]({link})'),
	('media', 'broadcast', 2, '{prog} ({org}): panel on {tl}',
	 'Pre-recorded panel on **{prog}** about {tp}, alongside a refugee-led charity and a think-tank commentator. Producer: **{p}**.\n\n[Catch up]({link})'),
	('media', 'online', 1, 'Article in {org}: {t}',
	 '{org} published our explainer on {tp}, edited by **{p}**.\n\n{asks}\n\n[Read online]({link})'),
	('media', 'online', 2, 'Quoted in {org} on {tl}',
	 '**{p}** of {org} quoted HIAS+JCORE in a report on {tp}.\n\n[Read online]({link})'),
	('parl', 'mp', 1, 'Written question by {p} on {tl}',
	 '**{p}** ({desc}) tabled a written parliamentary question on {tp}, using wording we suggested. It asked what assessment the government has made of the case for:\n\n{asks}'),
	('parl', 'mp', 2, '{p} cites HIAS+JCORE in a debate on {tl}',
	 'In a Westminster Hall debate on {tp}, **{p}** ({desc}) quoted our briefing and the experience of young people in the **JUMP** project.\n\n[Hansard](https://hansard.parliament.uk/)'),
	('parl', 'mp', 3, 'Early day motion on {tl} tabled by {p}',
	 '**{p}** tabled an early day motion on {tp}, drafted with our help. We asked supporters to write to their MPs to sign it.'),
	('parl', 'peer', 1, 'Lords oral question by {p} on {tl}',
	 '**{p}** ({desc}) asked an oral question in the House of Lords on {tp}, drawing on our briefing.'),
	('parl', 'peer', 2, '{p} speaks on {tl} in the Lords',
	 'In a Lords debate on {tp}, **{p}** quoted HIAS+JCORE''s evidence and pressed for:\n\n{asks}\n\n[Hansard](https://hansard.parliament.uk/)');

INSERT INTO demo_out (tkey, g, i, outcome) VALUES
	('meet', 'parl', 1, '{p} agreed to table a **written question** on {tl}; we will send draft wording.'),
	('meet', 'parl', 2, '{p} will raise {tl} with the minister and share any reply with us.'),
	('meet', 'parl', 3, 'Supportive. {p} asked for local case studies before the next debate.'),
	('meet', 'parl', 4, 'Non-committal: sympathetic, but worried about public opinion. Keep in touch and invite to a JUMP event.'),
	('meet', 'parl', 5, '{p} agreed to speak at our next community event.'),
	('meet', 'council', 1, '{p} will take our asks to the next cabinet meeting and ask officers for figures.'),
	('meet', 'council', 2, 'Agreed to explore a **Welcome Circle** pilot in the area with local synagogues.'),
	('meet', 'council', 3, '{p} asked us to brief the council''s refugee and migrant forum.'),
	('meet', 'official', 1, '{p} will share the points with ministers'' private offices; no commitments. Send a short written note of the evidence.'),
	('meet', 'official', 2, 'Invited to the department''s next stakeholder forum on {tl}.'),
	('meet', 'official', 3, '{p} asked for anonymised case studies, with consent, by the end of the month.'),
	('brief', 'x', 1, 'Acknowledged by {p}''s office.'),
	('brief', 'x', 2, '{p} replied with thanks; the briefing will inform their next intervention on {tl}.'),
	('brief', 'x', 3, 'No reply yet: chase in two weeks.'),
	('brief', 'x', 4, '{p} asked for **local figures** on {tl}; we will pull these together with partners.'),
	('corr', 'x', 1, 'Reply filed in the shared drive.'),
	('corr', 'x', 2, '{p} forwarded our letter to the relevant minister; awaiting the ministerial reply.'),
	('corr', 'x', 3, 'No reply yet.'),
	('corr', 'x', 4, '{p} offered a meeting; we will propose dates.'),
	('fcdo', 'x', 1, '{p} will include HIAS''s evidence in the desk''s next submission to ministers.'),
	('fcdo', 'x', 2, 'The desk asked for a written note on the protection concerns; we will send it within two weeks.'),
	('fcdo', 'x', 3, 'Agreed a quarterly call between the desk and {org2}; HIAS+JCORE to arrange the next one.'),
	('hias', 'x', 1, '{p} will share the latest protection monitoring data; we will turn it into a two-page briefing for the FCDO desk.'),
	('hias', 'x', 2, 'Useful background for our next FCDO meeting. No action.'),
	('hias', 'x', 3, '{p} will join our next parliamentary briefing online.'),
	('coal', 'x', 1, 'HIAS+JCORE will co-sign the coalition letter and share it with synagogue networks.'),
	('coal', 'x', 2, 'We agreed to recruit rabbis for the coalition''s faith leaders'' letter.'),
	('coal', 'x', 3, 'Action for us: draft the faith section of the coalition briefing.'),
	('coal', 'x', 4, 'For information; no action for HIAS+JCORE.'),
	('media', 'x', 1, 'Shared on our social channels; picked up by two synagogue newsletters.'),
	('media', 'x', 2, 'Three new supporters joined the mailing list after the piece.'),
	('media', 'x', 3, 'Another outlet asked us for comment the next day.'),
	('media', 'x', 4, ''),
	('parl', 'x', 1, 'We will quote the exchange in our next briefing.'),
	('parl', 'x', 2, 'Extract shared with supporters and coalition partners.'),
	('parl', 'x', 3, '');

CREATE TEMPORARY TABLE demo_tpl_n AS
SELECT tkey, g, COUNT(*) AS cnt FROM demo_tpl GROUP BY tkey, g;
CREATE TEMPORARY TABLE demo_out_n AS
SELECT tkey, g, COUNT(*) AS cnt FROM demo_out GROUP BY tkey, g;

UPDATE demo_eng e
JOIN demo_tpl_n tn ON tn.tkey = e.tkey AND tn.g = e.g
JOIN demo_out_n ono ON ono.tkey = e.tkey AND ono.g = e.og
SET e.ti = 1 + MOD(e.s + e.y, tn.cnt),
    e.oi = 1 + MOD(e.s * 2 + e.y, ono.cnt);

-- Debates and Lords questions have a time; written questions and early
-- day motions do not.
UPDATE demo_eng SET t = CASE WHEN g = 'peer' THEN '15:00'
	WHEN ti = 2 THEN '14:30' ELSE NULL END
WHERE tkey = 'parl';

-- Plausible links for generated media rows, from the outlet's pattern.
UPDATE demo_eng e
JOIN demo_org o ON o.name = e.outlet
JOIN demo_topic tp ON tp.k = e.topic
SET e.link = REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(
	REPLACE(REPLACE(REPLACE(o.link_tpl,
	'{slug}', CONCAT(tp.slug, '-', LOWER(DATE_FORMAT(e.d, '%b-%Y')))),
	'{y}', YEAR(e.d)),
	'{mon}', LOWER(DATE_FORMAT(e.d, '%b'))),
	'{dd}', DATE_FORMAT(e.d, '%d')),
	'{day}', DAY(e.d)),
	'{month}', LOWER(MONTHNAME(e.d))),
	'{id}', LPAD(LOWER(CONV(MOD(e.n * 7919, 1679616), 10, 36)), 4, '0')),
	'{num}', 2400000 + MOD(e.n * 7919, 600000)),
	'{hex}', LPAD(LOWER(HEX(MOD(e.n * 2654435761, 4294967296))), 8, '0')),
	'{x}', '')
WHERE e.tkey = 'media';

UPDATE demo_eng e
JOIN demo_tpl tt ON tt.tkey = e.tkey AND tt.g = e.g AND tt.i = e.ti
JOIN demo_out oo ON oo.tkey = e.tkey AND oo.g = e.og AND oo.i = e.oi
SET e.raw = CONCAT_WS(CHAR(30), tt.title, tt.summary, oo.outcome);

UPDATE demo_eng e
JOIN demo_pdesc x1 ON x1.name = e.p1
LEFT JOIN demo_pdesc x2 ON x2.name = e.p2
JOIN demo_topic tp ON tp.k = e.topic
SET e.raw = REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(
	REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(e.raw,
	'{p}', x1.disp),
	'{p2}', COALESCE(x2.disp, '')),
	'{and2}', IF(x2.id IS NULL, '', CONCAT(' and ', x2.disp))),
	'{with2}', IF(x2.id IS NULL, '',
	    CONCAT(', with **', x2.disp, '** (', x2.descr, ')'))),
	'{desc}', x1.descr),
	'{org}', COALESCE(e.org1, x1.org_name, '')),
	'{org2}', COALESCE(x2.org_name, '')),
	'{t}', tp.t),
	'{tl}', tp.tl),
	'{tp}', tp.tp),
	'{asks}', tp.asks),
	'{prog}', e.prog),
	'{link}', e.link)
WHERE e.tkey IS NOT NULL;

UPDATE demo_eng
SET title = SUBSTRING_INDEX(raw, CHAR(30), 1),
    summary = SUBSTRING_INDEX(SUBSTRING_INDEX(raw, CHAR(30), 2), CHAR(30), -1),
    outcome = SUBSTRING_INDEX(raw, CHAR(30), -1)
WHERE tkey IS NOT NULL;

INSERT INTO demo_eng_person (n, name)
SELECT n, p1 FROM demo_eng WHERE tkey IS NOT NULL
UNION ALL
SELECT n, p2 FROM demo_eng WHERE tkey IS NOT NULL AND p2 IS NOT NULL;

-- Staff present and who logged it: demo and miriam log; tom (a viewer)
-- attends but does not log.
UPDATE demo_eng
SET st1 = COALESCE(st1, ELT(1 + MOD(n, 5), 'demo', 'miriam', 'demo',
	'miriam', 'tom'));
UPDATE demo_eng
SET st2 = IF(MOD(n, 3) = 0, CASE st1 WHEN 'demo' THEN 'miriam'
	WHEN 'miriam' THEN 'tom' ELSE 'demo' END, NULL),
    creator = IF(st1 = 'tom', 'miriam', st1);

-- ---------------------------------------------------------------------
-- Insert the engagements in date order, and their links.
-- ---------------------------------------------------------------------

CREATE TEMPORARY TABLE demo_eid (
	n	INT NOT NULL PRIMARY KEY,
	eid	BIGINT UNSIGNED NOT NULL
);
INSERT INTO demo_eid (n, eid)
SELECT n, @ebase + ROW_NUMBER() OVER (ORDER BY d, t, n) FROM demo_eng;

-- Every media appearance has an outlet.
INSERT INTO demo_check (id)
SELECT o.id FROM demo_eng e
LEFT JOIN organisations o ON o.name = e.outlet AND o.id > @obase
WHERE e.type = 'media_appearance';

INSERT INTO engagements (id, type, occurred_on, occurred_time, title,
    summary, outcome, media_outlet_id, media_medium, media_programme,
    media_link, created_by, created_at, updated_at)
SELECT m.eid, e.type, e.d, e.t, e.title, e.summary, e.outcome, o.id,
    o.medium, e.prog, e.link, u.id, UTC_TIMESTAMP(), UTC_TIMESTAMP()
FROM demo_eng e
JOIN demo_eid m ON m.n = e.n
LEFT JOIN organisations o ON o.name = e.outlet AND o.id > @obase
    AND e.type = 'media_appearance'
JOIN users u ON u.username = e.creator
ORDER BY m.eid;

-- person_id is NOT NULL: a misspelt name stops the load here.
INSERT INTO engagement_people (engagement_id, person_id)
SELECT DISTINCT m.eid, x.id
FROM demo_eng_person ep
JOIN demo_eid m ON m.n = ep.n
LEFT JOIN demo_pdesc x ON x.name = ep.name;

INSERT INTO engagement_organisations (engagement_id, organisation_id)
SELECT eid, oid FROM (
	SELECT m.eid, o.id AS oid
	FROM demo_eng_org eo
	JOIN demo_eid m ON m.n = eo.n
	LEFT JOIN organisations o ON o.name = eo.name AND o.id > @obase
	UNION
	SELECT m.eid, o.id
	FROM demo_eng e
	JOIN demo_eid m ON m.n = e.n
	JOIN organisations o ON o.id > @obase
	    AND o.name IN (e.org1, e.outlet)
	UNION
	SELECT m.eid, x.org_id
	FROM demo_eng_person ep
	JOIN demo_eid m ON m.n = ep.n
	JOIN demo_pdesc x ON x.name = ep.name
	WHERE x.org_id IS NOT NULL
) z;

INSERT INTO engagement_policy_areas (engagement_id, policy_area_id)
SELECT DISTINCT m.eid, pa.id
FROM demo_eng e
JOIN demo_eid m ON m.n = e.n
JOIN demo_area da ON da.k IN (e.a1, e.a2)
JOIN policy_areas pa ON pa.name = da.name;

INSERT INTO engagement_staff (engagement_id, user_id)
SELECT m.eid, u.id
FROM demo_eng e
JOIN demo_eid m ON m.n = e.n
JOIN users u ON u.username IN (e.st1, e.st2);

-- ---------------------------------------------------------------------
-- Follow-ups.  Open ones are dated relative to CURRENT_DATE (due_rel
-- days), so the demo always has overdue and upcoming work; done ones
-- have fixed dates.
-- ---------------------------------------------------------------------

CREATE TEMPORARY TABLE demo_fu (
	k		INT NOT NULL PRIMARY KEY,
	n		INT NOT NULL,
	action		VARCHAR(500) NOT NULL,
	owner		VARCHAR(64) NOT NULL,
	due_rel		INT NULL,
	due_abs		DATE NULL,
	done_at		DATETIME NULL
);

INSERT INTO demo_fu (k, n, action, owner, due_rel, due_abs, done_at) VALUES
	-- done
	(1, 1, 'Mark Geoffrey Hallam as a former MP (not current) after the election', 'demo', NULL, '2024-07-12', '2024-07-08 09:15:00'),
	(2, 8, 'Circulate the draft terms of reference to network members', 'miriam', NULL, '2024-09-27', '2024-09-24 17:40:00'),
	(3, 15, 'Collect signatures for the faith leaders'' statement for Interfaith Week', 'miriam', NULL, '2024-12-20', '2024-12-19 12:00:00'),
	(4, 24, 'Register the APPG with the Registrar within 28 days of the inaugural meeting', 'demo', NULL, '2025-04-08', '2025-03-20 10:30:00'),
	(5, 30, 'Send each FCDO desk the two-page note from the HIAS country directors', 'demo', NULL, '2025-06-03', '2025-06-10 15:00:00'),
	(6, 34, 'Thank the MPs and Peers who came to the Refugee Week reception', 'tom', NULL, '2025-06-25', '2025-06-23 11:20:00'),
	(7, 47, 'Draft the chair''s letter to the Justice Secretary on legal aid', 'demo', NULL, '2025-11-04', '2025-11-03 16:45:00'),
	(8, 55, 'Brief Alastair Whyte''s office on our response to the policy statement', 'miriam', NULL, '2026-01-23', '2026-01-22 09:50:00'),
	(9, 58, 'Write up the Kenya trip report for trustees', 'demo', NULL, '2026-03-02', '2026-02-27 14:10:00'),
	(10, 60, 'Publish the nil income and expenditure statement on the APPG web page', 'demo', NULL, '2026-03-31', '2026-03-24 10:05:00'),
	(11, 83, 'Circulate notes of the September network meeting', 'miriam', NULL, '2026-09-30', '2026-09-25 16:00:00'),
	(12, 85, 'Share our consultation response with coalition partners', 'demo', NULL, '2026-10-16', '2026-10-12 11:30:00'),
	(13, 81, 'Thank Hannah Lieberman and share the Guardian piece with the Interfaith Refugee Network', 'tom', NULL, '2026-08-07', '2026-08-05 09:00:00'),
	-- open
	(20, 91, 'Send Jennifer Holloway the anonymised case studies on settlement and children', 'demo', 3, NULL, NULL),
	(21, 91, 'Circulate the meeting note to the Together With Refugees policy group', 'miriam', 1, NULL, NULL),
	(22, 88, 'Send Helen Marchbank MP draft wording for a written question on leaving care', 'demo', -4, NULL, NULL),
	(23, 88, 'Invite Helen Marchbank MP to the JUMP winter social', 'tom', 14, NULL, NULL),
	(24, 87, 'Recruit ten rabbis for the coalition''s faith leaders'' letter', 'miriam', -9, NULL, NULL),
	(25, 87, 'Confirm the HIAS+JCORE speaker for the winter lobby day', 'demo', 7, NULL, NULL),
	(26, 86, 'Draft minutes of the October APPG meeting for the officers'' approval', 'demo', -12, NULL, NULL),
	(27, 86, 'Update the APPG membership list on the website', 'tom', -2, NULL, NULL),
	(28, 83, 'Book a venue for the December Interfaith Refugee Network meeting', 'miriam', 10, NULL, NULL),
	(29, 90, 'Collect volunteer feedback from the Mitzvah Day drop-ins', 'tom', 5, NULL, NULL),
	(30, 90, 'Thank-you email to the synagogue coordinators for Mitzvah Day', 'demo', -1, NULL, NULL),
	(31, 82, 'Send councillors the move-on period data pack', 'demo', 20, NULL, NULL),
	(32, 48, 'Explore a second Welcome Circle in Leeds with Cllr Ruth Oyelaran', 'miriam', NULL, NULL, NULL),
	(33, 92, 'Pitch a follow-up piece on earned settlement to the Jewish Chronicle', 'demo', 9, NULL, NULL);

-- Done follow-ups from every fourth generated meeting before year three,
-- never done on a Saturday or Sunday.
INSERT INTO demo_fu (k, n, action, owner, due_rel, due_abs, done_at)
SELECT 1000 + e.n, e.n,
    REPLACE(REPLACE(ELT(1 + MOD(e.s DIV 4 + e.y, 4),
	'Send {p} the briefing and case studies promised at the meeting',
	'Send {p} a note of the meeting and our asks on {tl}',
	'Invite {p} to the next JUMP community event',
	'Thank-you email to {p}'),
	'{p}', x.disp), '{tl}', tp.tl),
    e.st1, NULL,
    e.d + INTERVAL (7 + MOD(e.s, 7)) DAY,
    TIMESTAMP(e.d + INTERVAL (2 + MOD(e.s * 5, 11)) DAY, '16:30:00')
FROM demo_eng e
JOIN demo_pdesc x ON x.name = e.p1
JOIN demo_topic tp ON tp.k = e.topic
WHERE e.tkey = 'meet' AND e.y < 3 AND MOD(e.s, 4) = 0;

UPDATE demo_fu SET done_at = done_at + INTERVAL
    (CASE DAYOFWEEK(done_at) WHEN 7 THEN 2 WHEN 1 THEN 1 ELSE 0 END) DAY
WHERE k >= 1000;

-- One statement, so the ids follow the engagements without gaps.
INSERT INTO follow_ups (engagement_id, action, owner_id, due_on, done_at)
SELECT m.eid, f.action, u.id,
    COALESCE(f.due_abs, CURRENT_DATE + INTERVAL f.due_rel DAY), f.done_at
FROM demo_fu f
JOIN demo_eid m ON m.n = f.n
JOIN users u ON u.username = f.owner
ORDER BY m.eid, f.k;

INSERT INTO audit_log (at, actor, entity, entity_id, action, before_data,
    after_data)
VALUES (UTC_TIMESTAMP(), 'tracker-admin demo-data', 'demo', NULL, 'load',
    NULL, NULL);

COMMIT;

DROP TEMPORARY TABLE demo_area, demo_org, demo_person, demo_check,
    demo_pdesc, demo_topic, demo_eng, demo_eng_person, demo_eng_org,
    demo_pool, demo_year, demo_plan, demo_tpl, demo_out, demo_tpl_n,
    demo_out_n, demo_eid, demo_fu;

-- ---------------------------------------------------------------------
-- Terms: every demo person holds their party, House, seat, role and
-- category from 2024-01-01, except one MP who sat as a Green until she
-- joined Labour on 2 June 2025 (a closed term, then the open one), so the
-- person page's "Party and role over time" has something to show.

START TRANSACTION;

INSERT INTO person_terms (person_id, category, party, house, constituency,
    role_title, organisation_id, started_on, ended_on, source, created_at)
SELECT p.id, p.category, 'Green', p.house, p.constituency, '',
    p.organisation_id, DATE '2024-01-01', DATE '2025-06-02', 'manual',
    UTC_TIMESTAMP()
FROM people p
WHERE p.id > @pbase AND p.full_name = 'Priya Nandakumar' AND p.category = 'mp';

INSERT INTO person_terms (person_id, category, party, house, constituency,
    role_title, organisation_id, started_on, ended_on, source, created_at)
SELECT p.id, p.category, p.party, p.house, p.constituency, p.role_title,
    p.organisation_id,
    IF(p.full_name = 'Priya Nandakumar' AND p.category = 'mp',
	DATE '2025-06-02', DATE '2024-01-01'),
    NULL, 'manual', UTC_TIMESTAMP()
FROM people p
WHERE p.id > @pbase
ORDER BY p.id;

COMMIT;

-- ---------------------------------------------------------------------
-- The strategy's dashboard (sql/007_strategy.sql seeds the strategy and
-- the year-one targets it states).  Demo targets for the KPIs whose
-- numbers the strategy leaves to the team, for all three years, and
-- months entered by hand for the KPIs no record counts, so every
-- Advocating KPI shows a target, an actual and a chart.  Numbers are
-- arithmetic on the month, so every load gives the same.

START TRANSACTION;

SET @demo_strategy = (SELECT MIN(id) FROM strategies
    WHERE first_year = 2024 AND dropped_at IS NULL);

CREATE TEMPORARY TABLE demo_target (
	code	VARCHAR(10) NOT NULL PRIMARY KEY,
	y1	DECIMAL(16,2) NOT NULL,
	grow	DECIMAL(4,2) NOT NULL	-- each later year: y1 times this
);

INSERT INTO demo_target (code, y1, grow) VALUES
	('A1a', 25, 1.2), ('A1b', 30, 1.2), ('A1c', 12, 1.25), ('A1d', 12, 1.2),
	('A1e', 4000, 1.25), ('A1f', 6000, 1.3), ('A2a', 4, 1.25),
	('A2b', 8, 1.25), ('A2c', 4, 1), ('A3a', 3, 1), ('A3b', 4, 1.25),
	('A3c', 3, 1.5), ('A3d', 12, 1.1), ('A4a', 10, 1.2), ('A4b', 3, 1.2),
	('A4c', 6, 1.2), ('A4d', 4, 1.25), ('A4e', 3, 1.35), ('A5a', 4, 1.25),
	('A5b', 3, 1.35), ('A6a', 4, 1.25), ('A6b', 6, 1.2),
	('M1b', 8, 1.25), ('M1d', 4, 1.5), ('M1f', 300, 1.3),
	('S1a', 50, 1.1), ('S1b', 120, 1.1), ('T1a', 450000, 1.1),
	('T7c', 20, 1.25);

-- Year one keeps what the migration entered from the strategy.
INSERT IGNORE INTO kpi_targets (kpi_id, year, target)
SELECT k.id, y.year, IF(y.year = 2024, t.y1,
    ROUND(t.y1 * POW(t.grow, y.year - 2024)))
FROM demo_target t
JOIN kpis k ON k.strategy_id = @demo_strategy AND k.code = t.code
JOIN (SELECT 2024 AS year UNION ALL SELECT 2025 UNION ALL SELECT 2026) y;

-- m counts months from July 2024 (0) to October 2026 (27).
CREATE TEMPORARY TABLE demo_kpi_value (
	code	VARCHAR(10) NOT NULL,
	m	INT NOT NULL,
	value	DECIMAL(16,2) NOT NULL,
	PRIMARY KEY (code, m)
);

INSERT INTO demo_kpi_value (code, m, value)
SELECT c.code, s.seq,
    CASE c.code
	WHEN 'A1e' THEN 3150 + 38 * s.seq + (s.seq * 17) % 25
	WHEN 'A1f' THEN 380 + (s.seq * 37) % 210
	WHEN 'A3a' THEN IF(s.seq IN (2, 3, 6), 1, 0)
	WHEN 'A3b' THEN IF(s.seq % 3 = 1, 1, 0)
	WHEN 'A3c' THEN IF(s.seq % 4 = 2, 1, 0)
	WHEN 'A6a' THEN IF(s.seq % 3 = 0, 1, 0)
	WHEN 'A6b' THEN (s.seq * 5) % 3
	WHEN 'M1b' THEN IF(s.seq % 2 = 0, 1, 0)
	WHEN 'M1d' THEN IF(s.seq % 4 = 1, 1, 0)
	WHEN 'M1f' THEN 12 + (s.seq * 29) % 40
	WHEN 'S1a' THEN 38 + s.seq DIV 2
	WHEN 'S1b' THEN 7 + (s.seq * 7) % 6
	WHEN 'T1a' THEN 28000 + (s.seq * 7919) % 21000
	WHEN 'T7c' THEN 1 + s.seq % 3
    END
FROM (SELECT 'A1e' AS code UNION ALL SELECT 'A1f' UNION ALL SELECT 'A3a'
    UNION ALL SELECT 'A3b' UNION ALL SELECT 'A3c' UNION ALL SELECT 'A6a'
    UNION ALL SELECT 'A6b' UNION ALL SELECT 'M1b' UNION ALL SELECT 'M1d'
    UNION ALL SELECT 'M1f' UNION ALL SELECT 'S1a' UNION ALL SELECT 'S1b'
    UNION ALL SELECT 'T1a' UNION ALL SELECT 'T7c') c
JOIN seq_0_to_27 s;

INSERT INTO kpi_values (kpi_id, month, value, note, updated_by, updated_at)
SELECT k.id, DATE '2024-07-01' + INTERVAL v.m MONTH, v.value, '', 'demo',
    UTC_TIMESTAMP()
FROM demo_kpi_value v
JOIN kpis k ON k.strategy_id = @demo_strategy AND k.code = v.code
WHERE k.source = 'manual';

-- Two decisions the team took in year one, as the decision log keeps
-- them.
INSERT INTO strategy_decisions (strategy_id, at, actor, entity, entity_id,
    label, action, before_data, after_data, reason)
SELECT @demo_strategy, TIMESTAMP '2024-09-10 10:15:00', 'demo', 'KPI', k.id,
    CONCAT('KPI ', k.code, ' ', k.label), 'targets',
    '{"2024-25":"","2025-26":"","2026-27":""}',
    '{"2024-25":"25","2025-26":"30","2026-27":"36"}',
    'Set at the September staff meeting from the first two months of the new Parliament: about two new decision makers a month.'
FROM kpis k WHERE k.strategy_id = @demo_strategy AND k.code = 'A1a';

INSERT INTO strategy_decisions (strategy_id, at, actor, entity, entity_id,
    label, action, before_data, after_data, reason)
SELECT @demo_strategy, TIMESTAMP '2025-04-08 14:30:00', 'demo', 'KPI', k.id,
    CONCAT('KPI ', k.code, ' ', k.label), 'targets',
    '{"2024-25":"3","2025-26":"","2026-27":""}',
    '{"2024-25":"3","2025-26":"4","2026-27":"4"}',
    'Year two outputs agreed by the Strategy Subgroup: a fourth desk (Sahel) added after the Chad briefing.'
FROM kpis k WHERE k.strategy_id = @demo_strategy AND k.code = 'A4b';

DROP TEMPORARY TABLE demo_target, demo_kpi_value;

COMMIT;

-- The APPG secretariat (issue 7): the APPG on Faith and Displacement,
-- whose purpose is refugees and displaced people, with HIAS+JCORE as
-- secretariat.  Four officers and 24 members from both Houses and eight
-- parties (seven more fictional parliamentarians join the directory for
-- it, and one MP from the Speaker's pool who chaired the AGM); the
-- inaugural meeting, an evidence session with an outside speaker and the
-- first AGM, each linked to the engagement already logged for it; minutes
-- at each stage (approved, circulated, draft); the secretariat's support
-- as a benefit in kind.  Every check of the House rules passes.

START TRANSACTION;

INSERT INTO people (full_name, category, role_title, party, house,
    constituency, organisation_id, phone, notes, is_current, created_at,
    updated_at) VALUES
	('Catrin Powys-Evans', 'mp', '', 'Labour', 'commons', 'Swansea West', NULL, '', '', 1, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
	('Daniel Whitlow', 'mp', '', 'Liberal Democrat', 'commons', 'Bath', NULL, '', '', 1, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
	('Harriet Lomax', 'mp', 'Member, Work and Pensions Committee', 'Labour', 'commons', 'Leeds Central and Headingley', NULL, '', '', 1, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
	('Dame Eleri Parry', 'mp', 'Member of the Speaker''s pool of APPG AGM chairs', 'Labour', 'commons', 'Aberafan Maesteg', NULL, '', '', 1, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
	('Lord Tremayne of Fowey', 'peer', '', 'Conservative', 'lords', '', NULL, '', '', 1, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
	('Baroness Quennell of Hexham', 'peer', '', 'Liberal Democrat', 'lords', '', NULL, '', '', 1, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
	('Lord Hartree of Beverley', 'peer', 'Former refugee caseworker', 'Labour', 'lords', '', NULL, '', '', 1, UTC_TIMESTAMP(), UTC_TIMESTAMP());

INSERT INTO person_terms (person_id, category, party, house, constituency,
    role_title, organisation_id, started_on, ended_on, source, created_at)
SELECT p.id, p.category, p.party, p.house, p.constituency, p.role_title,
    NULL, DATE '2024-01-01', NULL, 'manual', UTC_TIMESTAMP()
FROM people p
WHERE p.id > @pbase AND p.full_name IN ('Catrin Powys-Evans',
    'Daniel Whitlow', 'Harriet Lomax', 'Dame Eleri Parry',
    'Lord Tremayne of Fowey', 'Baroness Quennell of Hexham',
    'Lord Hartree of Beverley')
ORDER BY p.id;

-- The demo's parliamentarians by name; a misspelt name stops the load
-- (the counts below go into NOT NULL columns).
CREATE TEMPORARY TABLE demo_appg_p (
	name		VARCHAR(200) NOT NULL PRIMARY KEY,
	id		BIGINT UNSIGNED NOT NULL
);
INSERT INTO demo_appg_p (name, id)
SELECT full_name, id FROM people
WHERE id > @pbase AND category IN ('mp', 'peer') AND is_current = 1;

CREATE TEMPORARY TABLE demo_appg_check (ok TINYINT NOT NULL);

INSERT INTO appg_groups (title, purpose, category, year_end_month,
    year_end_day, reporting_deadline, enquiry_point, website, secretariat,
    registered_on, ie_published_on, annual_report_on, created_at,
    updated_at) VALUES
	('APPG on Faith and Displacement',
	 'To amplify faith communities'' voice on refugees and displaced people, in the UK and abroad.',
	 'subject', 3, 10, '2027-07-10',
	 'The secretariat, HIAS+JCORE: appg-secretariat@example.org',
	 'https://appg-faith-displacement.example.org/',
	 'HIAS+JCORE, a charity, which funds the secretariat from its own resources (no government funding)',
	 '2025-03-20', '2026-03-24', '2026-03-17', UTC_TIMESTAMP(),
	 UTC_TIMESTAMP());
SET @appg = LAST_INSERT_ID();

CREATE TEMPORARY TABLE demo_appg_role (
	name		VARCHAR(200) NOT NULL PRIMARY KEY,
	post		VARCHAR(40) NULL,
	joined		DATE NOT NULL
);
INSERT INTO demo_appg_role (name, post, joined) VALUES
	-- officers, elected at the inaugural meeting, re-elected at the AGM
	('Joseph Okonjo-Reid', 'chair', '2025-03-11'),
	('Rajiv Chandran', 'registered_contact', '2025-03-11'),
	('Margaret Ashdown', 'vice_chair', '2025-03-11'),
	('Baroness Linford of Highgate', 'vice_chair', '2025-03-11'),
	-- members: MPs
	('Helen Marchbank', NULL, '2025-03-11'),
	('Priya Nandakumar', NULL, '2025-03-11'),
	('Siân Pritchard', NULL, '2025-03-11'),
	('Oliver Pennington', NULL, '2025-03-11'),
	('Charles Everley', NULL, '2025-03-11'),
	('Alastair Whyte', NULL, '2025-03-11'),
	('Eleanor Castleford', NULL, '2025-03-11'),
	('Fiona Drummond', NULL, '2025-03-11'),
	('Rosalind Feltham', NULL, '2025-03-11'),
	('Bethan Rowlands', NULL, '2025-03-11'),
	('Dennis Marlow', NULL, '2025-06-17'),
	('Yusuf Bhatti', NULL, '2025-03-11'),
	('Catrin Powys-Evans', NULL, '2025-06-17'),
	('Daniel Whitlow', NULL, '2025-10-21'),
	('Harriet Lomax', NULL, '2025-10-21'),
	-- members: Peers
	('Lord Abelson of Stamford Hill', NULL, '2025-03-11'),
	('Baroness Adebayo-Clarke of Peckham', NULL, '2025-03-11'),
	('Lord Wetherby of Thirsk', NULL, '2025-03-11'),
	('Baroness Penhallow of Truro', NULL, '2025-03-11'),
	('Rt Revd Catherine Ashby', NULL, '2025-03-11'),
	('Lord Gilchrist of Kelvinside', NULL, '2025-03-11'),
	('Lord Tremayne of Fowey', NULL, '2025-06-17'),
	('Baroness Quennell of Hexham', NULL, '2025-06-17'),
	('Lord Hartree of Beverley', NULL, '2025-10-21');

INSERT INTO appg_officers (group_id, person_id, post, started_on,
    posts_elsewhere, created_at, updated_at)
SELECT @appg, p.id, r.post, r.joined, 0, UTC_TIMESTAMP(), UTC_TIMESTAMP()
FROM demo_appg_role r JOIN demo_appg_p p ON p.name = r.name
WHERE r.post IS NOT NULL;

INSERT INTO appg_members (group_id, person_id, joined_on, created_at,
    updated_at)
SELECT @appg, p.id, r.joined, UTC_TIMESTAMP(), UTC_TIMESTAMP()
FROM demo_appg_role r JOIN demo_appg_p p ON p.name = r.name
WHERE r.post IS NULL;

INSERT INTO demo_appg_check (ok) VALUES
	(IF((SELECT COUNT(*) FROM appg_officers WHERE group_id = @appg) = 4, 1, NULL)),
	(IF((SELECT COUNT(*) FROM appg_members WHERE group_id = @appg) = 24, 1, NULL));

-- Secretariat support: staff time, valued at what it would cost to buy.
INSERT INTO appg_benefits (group_id, source, kind, description,
    value_pounds, received_on, registered_on, created_at, updated_at)
VALUES (@appg, 'HIAS+JCORE', 'in_kind',
    'Secretariat services: staff time to organise meetings, draft minutes and keep the group''s records (2025)',
    2400, '2025-03-11', '2025-04-01', UTC_TIMESTAMP(), UTC_TIMESTAMP());

-- The meetings, each with the engagement the demo already logged for it.
INSERT INTO appg_meetings (group_id, kind, title, held_on, starts_at, place,
    notice_on, decision_planned, ie_approved, ie_nil_return,
    chair_person_id, chair_from_pool, engagement_id, created_at, updated_at)
SELECT @appg, 'inaugural', '', '2025-03-11', '13:00',
    'Committee Room 10, House of Commons', '2025-03-03', 1, 0, 0, NULL, 0,
    (SELECT id FROM engagements WHERE id > @ebase AND occurred_on = '2025-03-11'
	AND title = 'APPG on Faith and Displacement: inaugural meeting'),
    UTC_TIMESTAMP(), UTC_TIMESTAMP();
SET @m1 = LAST_INSERT_ID();

INSERT INTO appg_meetings (group_id, kind, title, held_on, starts_at, place,
    notice_on, decision_planned, ie_approved, ie_nil_return,
    chair_person_id, chair_from_pool, engagement_id, created_at, updated_at)
SELECT @appg, 'general', 'Evidence session on unaccompanied children',
    '2025-05-13', '13:30', 'Room Q, Portcullis House', '2025-05-01', 0, 0, 0,
    NULL, 0,
    (SELECT id FROM engagements WHERE id > @ebase AND occurred_on = '2025-05-13'
	AND title = 'APPG on Faith and Displacement: evidence session on unaccompanied children'),
    UTC_TIMESTAMP(), UTC_TIMESTAMP();
SET @m2 = LAST_INSERT_ID();

INSERT INTO appg_meetings (group_id, kind, title, held_on, starts_at, place,
    notice_on, decision_planned, ie_approved, ie_nil_return,
    chair_person_id, chair_from_pool, engagement_id, created_at, updated_at)
SELECT @appg, 'agm', '', '2026-03-17', '13:00',
    'Committee Room 12, House of Commons', '2026-03-03', 1, 1, 1,
    (SELECT id FROM demo_appg_p WHERE name = 'Dame Eleri Parry'), 1,
    (SELECT id FROM engagements WHERE id > @ebase AND occurred_on = '2026-03-17'
	AND title = 'APPG on Faith and Displacement: annual general meeting'),
    UTC_TIMESTAMP(), UTC_TIMESTAMP();
SET @m3 = LAST_INSERT_ID();

INSERT INTO demo_appg_check (ok)
SELECT IF(COUNT(engagement_id) = 3, 1, NULL) FROM appg_meetings
WHERE group_id = @appg;

INSERT INTO appg_agenda_items (meeting_id, position, title, papers,
    discussion, decision) VALUES
	(@m1, 0, 'Election of officers', '',
	 'Nominations were taken for the four posts; each was unopposed.',
	 'Elected: Joseph Okonjo-Reid MP (Chair), Rajiv Chandran MP (Registered Contact), Margaret Ashdown MP and Baroness Linford of Highgate (Vice-Chairs).'),
	(@m1, 1, 'Purpose of the group', '',
	 'Members agreed that the group should bring the experience of faith communities who welcome refugees to Parliament, in the UK and abroad.',
	 'Purpose agreed: *to amplify faith communities'' voice on refugees and displaced people, in the UK and abroad.*'),
	(@m1, 2, 'Secretariat',
	 'Secretariat proposal https://appg-faith-displacement.example.org/papers/secretariat-proposal.pdf',
	 'HIAS+JCORE offered to act as secretariat at its own cost. The officers noted who provides and funds the secretariat, and that no government funds it.',
	 'HIAS+JCORE appointed as secretariat.'),
	(@m1, 3, 'Programme for the year', '',
	 'An evidence session on unaccompanied children before the summer, and one on legal aid in the autumn.',
	 ''),
	(@m2, 0, 'Evidence: unaccompanied children in the asylum system',
	 'Safe Passage International briefing https://appg-faith-displacement.example.org/papers/2025-05-unaccompanied-children.pdf',
	 'Ingrid Solberg (Safe Passage International) and two young people from the JUMP project gave evidence on age assessment, guardianship and turning 18 with a claim outstanding.\n\nHelen Marchbank MP and Baroness Adebayo-Clarke of Peckham asked about independent guardians and leaving-care support.',
	 'The Chair to write to the Home Office minister on guardianship for unaccompanied children.'),
	(@m2, 1, 'Any other business', '', 'None.', ''),
	(@m3, 0, 'Annual report',
	 'Annual report 2025-26 https://appg-faith-displacement.example.org/papers/annual-report-2025-26.pdf',
	 'The group''s first annual report, needed because outside benefits in 2025 (the secretariat''s support) were above £1,500. Dame Eleri Parry MP, from the Speaker''s pool, chaired.',
	 'Annual report adopted for publication.'),
	(@m3, 1, 'Programme for 2026-27', '',
	 'Sessions proposed on legal aid deserts, aid cuts seen by HIAS country offices, and integration under temporary protection.',
	 'Programme agreed.');

INSERT INTO appg_attendance (meeting_id, position, person_id, name,
    organisation, status, capacity)
SELECT a.m, a.pos, p.id, IF(p.id IS NULL, a.name, ''), a.org, a.status, a.cap
FROM (
	SELECT @m1 m, 0 pos, 'Joseph Okonjo-Reid' name, '' org, 'present' status, 'member' cap
	UNION ALL SELECT @m1, 1, 'Rajiv Chandran', '', 'present', 'member'
	UNION ALL SELECT @m1, 2, 'Margaret Ashdown', '', 'present', 'member'
	UNION ALL SELECT @m1, 3, 'Baroness Linford of Highgate', '', 'present', 'member'
	UNION ALL SELECT @m1, 4, 'Rt Revd Catherine Ashby', '', 'present', 'member'
	UNION ALL SELECT @m1, 5, 'Lord Abelson of Stamford Hill', '', 'present', 'member'
	UNION ALL SELECT @m1, 6, 'Helen Marchbank', '', 'apologies', 'member'
	UNION ALL SELECT @m1, 7, 'Bethan Rowlands', '', 'apologies', 'member'
	UNION ALL SELECT @m1, 8, 'Miriam Levy', 'HIAS+JCORE', 'in_attendance', 'secretariat'
	UNION ALL SELECT @m2, 0, 'Joseph Okonjo-Reid', '', 'present', 'member'
	UNION ALL SELECT @m2, 1, 'Helen Marchbank', '', 'present', 'member'
	UNION ALL SELECT @m2, 2, 'Baroness Adebayo-Clarke of Peckham', '', 'present', 'member'
	UNION ALL SELECT @m2, 3, 'Margaret Ashdown', '', 'apologies', 'member'
	UNION ALL SELECT @m2, 4, 'Rajiv Chandran', '', 'apologies', 'member'
	UNION ALL SELECT @m2, 5, 'Ingrid Solberg', 'Safe Passage International', 'in_attendance', 'speaker'
	UNION ALL SELECT @m2, 6, 'Two young people from the JUMP project', 'HIAS+JCORE', 'in_attendance', 'guest'
	UNION ALL SELECT @m2, 7, 'Miriam Levy', 'HIAS+JCORE', 'in_attendance', 'secretariat'
	UNION ALL SELECT @m3, 0, 'Joseph Okonjo-Reid', '', 'present', 'member'
	UNION ALL SELECT @m3, 1, 'Rajiv Chandran', '', 'present', 'member'
	UNION ALL SELECT @m3, 2, 'Margaret Ashdown', '', 'present', 'member'
	UNION ALL SELECT @m3, 3, 'Baroness Linford of Highgate', '', 'present', 'member'
	UNION ALL SELECT @m3, 4, 'Rt Revd Catherine Ashby', '', 'present', 'member'
	UNION ALL SELECT @m3, 5, 'Lord Abelson of Stamford Hill', '', 'present', 'member'
	UNION ALL SELECT @m3, 6, 'Rosalind Feltham', '', 'present', 'member'
	UNION ALL SELECT @m3, 7, 'Fiona Drummond', '', 'present', 'member'
	UNION ALL SELECT @m3, 8, 'Alastair Whyte', '', 'apologies', 'member'
	UNION ALL SELECT @m3, 9, 'Lord Wetherby of Thirsk', '', 'apologies', 'member'
	UNION ALL SELECT @m3, 10, 'Miriam Levy', 'HIAS+JCORE', 'in_attendance', 'secretariat'
) a
LEFT JOIN (SELECT name, id FROM demo_appg_p
	UNION SELECT full_name, id FROM people
	WHERE id > @pbase AND full_name = 'Ingrid Solberg') p ON p.name = a.name;

-- Members marked present or absent must all be in the directory.
INSERT INTO demo_appg_check (ok)
SELECT IF(COUNT(*) = 0, 1, NULL) FROM appg_attendance
WHERE meeting_id IN (@m1, @m2, @m3) AND status <> 'in_attendance'
AND person_id IS NULL;

-- Actions: done ones have fixed dates; the open ones are dated from
-- CURRENT_DATE, so the list always has something overdue and coming up.
INSERT INTO appg_actions (meeting_id, position, action, owner, due_on,
    done_on) VALUES
	(@m1, 0, 'Register the group with the Registrar (within 28 days)', 'Secretariat (HIAS+JCORE)', '2025-04-08', '2025-03-20'),
	(@m1, 1, 'Draft a programme for the year', 'Chair', '2025-04-30', '2025-04-22'),
	(@m2, 0, 'Write to the Home Office minister on guardianship for unaccompanied children', 'Chair', '2025-06-13', '2025-06-10'),
	(@m2, 1, 'Circulate the Safe Passage International briefing to members', 'Secretariat (HIAS+JCORE)', '2025-05-20', '2025-05-16'),
	(@m3, 0, 'Publish the income and expenditure statement on the group''s web page', 'Secretariat (HIAS+JCORE)', '2026-03-31', '2026-03-24'),
	(@m3, 1, 'Send the Registrar the group''s updated membership list', 'Registered Contact', CURRENT_DATE - INTERVAL 5 DAY, NULL),
	(@m3, 2, 'Plan an evidence session on the earned settlement proposals', 'Chair', CURRENT_DATE + INTERVAL 21 DAY, NULL);

-- Minutes at each stage: the inaugural meeting's approved at the evidence
-- session (generated, then edited, circulated and approved: locked); the
-- evidence session's circulated; the AGM's a draft.  The texts are what
-- the tracker generates from these records (the AGM's open actions are
-- dated from CURRENT_DATE, like the actions themselves).
INSERT INTO appg_minutes (meeting_id, status, current_number,
    circulated_number, circulated_on, approved_on, approved_at_meeting_id,
    version, created_at, updated_at) VALUES
	(@m1, 'approved', 2, 2, '2025-03-18', '2025-05-13', @m2, 4,
	 '2025-03-12 10:00:00', '2025-05-13 15:00:00'),
	(@m2, 'circulated', 1, 1, '2025-05-20', NULL, NULL, 2,
	 '2025-05-19 16:00:00', '2025-05-20 09:00:00'),
	(@m3, 'draft', 1, NULL, NULL, NULL, NULL, 1,
	 '2026-03-19 11:00:00', '2026-03-19 11:00:00');

INSERT INTO appg_minutes_versions (meeting_id, number, body, how,
    created_by, created_at) VALUES
	(@m1, 1, '# APPG on Faith and Displacement

## Minutes of the inaugural meeting

- **Date:** Tuesday 11 March 2025
- **Time:** 13:00
- **Place:** Committee Room 10, House of Commons
- **Chair:** Joseph Okonjo-Reid MP

## Present

Officers:

- Joseph Okonjo-Reid MP, Chair (Labour, House of Commons)
- Rajiv Chandran MP, Registered Contact (Labour, House of Commons)
- Margaret Ashdown MP, Vice-Chair (Conservative, House of Commons)
- Baroness Linford of Highgate, Vice-Chair (Crossbench, House of Lords)

Members:

- Rt Revd Catherine Ashby (Bishops, House of Lords)
- Lord Abelson of Stamford Hill (Labour, House of Lords)

## Apologies

- Helen Marchbank MP (Labour, House of Commons)
- Bethan Rowlands MP (Plaid Cymru, House of Commons)

## In attendance

- Miriam Levy, HIAS+JCORE (secretariat)

## Quorum

6 members of the group present; there is no quorum rule for a meeting of this kind.

## 1. Election of officers

Nominations were taken for the four posts; each was unopposed.

**Decision:** Elected: Joseph Okonjo-Reid MP (Chair), Rajiv Chandran MP (Registered Contact), Margaret Ashdown MP and Baroness Linford of Highgate (Vice-Chairs).

## 2. Purpose of the group

Members agreed that the group should bring the experience of faith communities who welcome refugees to Parliament, in the UK and abroad.

**Decision:** Purpose agreed: *to amplify faith communities'' voice on refugees and displaced people, in the UK and abroad.*

## 3. Secretariat

Papers:

- [Secretariat proposal](<https://appg-faith-displacement.example.org/papers/secretariat-proposal.pdf>)

HIAS+JCORE offered to act as secretariat at its own cost. The officers noted who provides and funds the secretariat, and that no government funds it.

**Decision:** HIAS+JCORE appointed as secretariat.

## 4. Programme for the year

An evidence session on unaccompanied children before the summer, and one on legal aid in the autumn.

## Actions

- Register the group with the Registrar (within 28 days) (owner: Secretariat (HIAS+JCORE); due Tuesday 8 April 2025)
- Draft a programme for the year (owner: Chair; due Wednesday 30 April 2025)

## Date of next meeting

Tuesday 13 May 2025
', 'generated', 'miriam', '2025-03-12 10:00:00'),
	(@m1, 2, '# APPG on Faith and Displacement

## Minutes of the inaugural meeting

- **Date:** Tuesday 11 March 2025
- **Time:** 13:00
- **Place:** Committee Room 10, House of Commons
- **Chair:** Joseph Okonjo-Reid MP

## Present

Officers:

- Joseph Okonjo-Reid MP, Chair (Labour, House of Commons)
- Rajiv Chandran MP, Registered Contact (Labour, House of Commons)
- Margaret Ashdown MP, Vice-Chair (Conservative, House of Commons)
- Baroness Linford of Highgate, Vice-Chair (Crossbench, House of Lords)

Members:

- Rt Revd Catherine Ashby (Bishops, House of Lords)
- Lord Abelson of Stamford Hill (Labour, House of Lords)

## Apologies

- Helen Marchbank MP (Labour, House of Commons)
- Bethan Rowlands MP (Plaid Cymru, House of Commons)

## In attendance

- Miriam Levy, HIAS+JCORE (secretariat)

## Quorum

6 members of the group present; there is no quorum rule for a meeting of this kind.

## 1. Election of officers

Nominations were taken for the four posts; each was unopposed.

**Decision:** Elected: Joseph Okonjo-Reid MP (Chair), Rajiv Chandran MP (Registered Contact), Margaret Ashdown MP and Baroness Linford of Highgate (Vice-Chairs).

## 2. Purpose of the group

Members agreed that the group should bring the experience of faith communities who welcome refugees to Parliament, in the UK and abroad.

**Decision:** Purpose agreed: *to amplify faith communities'' voice on refugees and displaced people, in the UK and abroad.*

## 3. Secretariat

Papers:

- [Secretariat proposal](<https://appg-faith-displacement.example.org/papers/secretariat-proposal.pdf>)

HIAS+JCORE offered to act as secretariat at its own cost. The officers noted who provides and funds the secretariat, and that no government funds it.

**Decision:** HIAS+JCORE appointed as secretariat.

## 4. Programme for the year

An evidence session on unaccompanied children before the summer, and one on legal aid in the autumn. The Chair will circulate a draft programme by the end of April.

## Actions

- Register the group with the Registrar (within 28 days) (owner: Secretariat (HIAS+JCORE); due Tuesday 8 April 2025)
- Draft a programme for the year (owner: Chair; due Wednesday 30 April 2025)

## Date of next meeting

Tuesday 13 May 2025
', 'edited', 'miriam', '2025-03-18 09:30:00'),
	(@m2, 1, '# APPG on Faith and Displacement

## Minutes of the meeting: Evidence session on unaccompanied children

- **Date:** Tuesday 13 May 2025
- **Time:** 13:30
- **Place:** Room Q, Portcullis House
- **Chair:** Joseph Okonjo-Reid MP

## Present

Officers:

- Joseph Okonjo-Reid MP, Chair (Labour, House of Commons)

Members:

- Helen Marchbank MP (Labour, House of Commons)
- Baroness Adebayo-Clarke of Peckham (Labour, House of Lords)

## Apologies

- Margaret Ashdown MP (Conservative, House of Commons)
- Rajiv Chandran MP (Labour, House of Commons)

## In attendance

- Ingrid Solberg, Safe Passage International (speaker)
- Two young people from the JUMP project, HIAS+JCORE (guest)
- Miriam Levy, HIAS+JCORE (secretariat)

## Quorum

3 members of the group present; there is no quorum rule for a meeting of this kind.

## 1. Minutes of the previous meeting

The minutes of the meeting of Tuesday 11 March 2025 were approved as a correct record.

## 2. Evidence: unaccompanied children in the asylum system

Papers:

- [Safe Passage International briefing](<https://appg-faith-displacement.example.org/papers/2025-05-unaccompanied-children.pdf>)

Ingrid Solberg (Safe Passage International) and two young people from the JUMP project gave evidence on age assessment, guardianship and turning 18 with a claim outstanding.

Helen Marchbank MP and Baroness Adebayo-Clarke of Peckham asked about independent guardians and leaving-care support.

**Decision:** The Chair to write to the Home Office minister on guardianship for unaccompanied children.

## 3. Any other business

None.

## Actions

- Write to the Home Office minister on guardianship for unaccompanied children (owner: Chair; due Friday 13 June 2025)
- Circulate the Safe Passage International briefing to members (owner: Secretariat (HIAS+JCORE); due Tuesday 20 May 2025)

## Date of next meeting

Tuesday 17 March 2026
', 'generated', 'miriam', '2025-05-19 16:00:00'),
	(@m3, 1, CONCAT('# APPG on Faith and Displacement

## Minutes of the annual general meeting

- **Date:** Tuesday 17 March 2026
- **Time:** 13:00
- **Place:** Committee Room 12, House of Commons
- **Chair:** Dame Eleri Parry MP (from the Speaker''s pool)

## Present

Officers:

- Joseph Okonjo-Reid MP, Chair (Labour, House of Commons)
- Rajiv Chandran MP, Registered Contact (Labour, House of Commons)
- Margaret Ashdown MP, Vice-Chair (Conservative, House of Commons)
- Baroness Linford of Highgate, Vice-Chair (Crossbench, House of Lords)

Members:

- Rt Revd Catherine Ashby (Bishops, House of Lords)
- Lord Abelson of Stamford Hill (Labour, House of Lords)
- Rosalind Feltham MP (Green, House of Commons)
- Fiona Drummond MP (SNP, House of Commons)

## Apologies

- Alastair Whyte MP (Liberal Democrat, House of Commons)
- Lord Wetherby of Thirsk (Conservative, House of Lords)

## In attendance

- Miriam Levy, HIAS+JCORE (secretariat)

## Quorum

8 members of the group present; the quorum for an AGM is 8: quorate.

## 1. Election of officers

The following were elected officers of the group:

- Joseph Okonjo-Reid MP, Chair (Labour, House of Commons)
- Rajiv Chandran MP, Registered Contact (Labour, House of Commons)
- Baroness Linford of Highgate, Vice-Chair (Crossbench, House of Lords)
- Margaret Ashdown MP, Vice-Chair (Conservative, House of Commons)

## 2. Income and expenditure statement

The income and expenditure statement for the year ending Tuesday 10 March 2026 was approved: a nil return.

## 3. Annual report

Papers:

- [Annual report 2025-26](<https://appg-faith-displacement.example.org/papers/annual-report-2025-26.pdf>)

The group''s first annual report, needed because outside benefits in 2025 (the secretariat''s support) were above £1,500. Dame Eleri Parry MP, from the Speaker''s pool, chaired.

**Decision:** Annual report adopted for publication.

## 4. Programme for 2026-27

Sessions proposed on legal aid deserts, aid cuts seen by HIAS country offices, and integration under temporary protection.

**Decision:** Programme agreed.

## Actions

- Publish the income and expenditure statement on the group''s web page (owner: Secretariat (HIAS+JCORE); due Tuesday 31 March 2026)
- Send the Registrar the group''s updated membership list (owner: Registered Contact; due ',
	    DATE_FORMAT(CURRENT_DATE - INTERVAL 5 DAY, '%W %e %M %Y'),
	    ')
- Plan an evidence session on the earned settlement proposals (owner: Chair; due ',
	    DATE_FORMAT(CURRENT_DATE + INTERVAL 21 DAY, '%W %e %M %Y'),
	    ')

## Date of next meeting

To be announced.
'), 'generated', 'miriam', '2026-03-19 11:00:00');

INSERT INTO demo_appg_check (ok)
SELECT IF(COUNT(*) = 4, 1, NULL) FROM appg_minutes_versions
WHERE meeting_id IN (@m1, @m2, @m3);

COMMIT;

DROP TEMPORARY TABLE demo_appg_p, demo_appg_check, demo_appg_role;

-- Why we hold them (issue 11, sql/010): office holders hold a public
-- role; officials, journalists, partners and staff are held on legitimate
-- interests; one faith leader gave consent.  The other faith leaders are
-- left with no basis recorded, so the admin page's count and the
-- directory's "Not recorded" filter have something to show.
START TRANSACTION;

UPDATE people SET lawful_basis = 'public_role', basis_date = DATE(created_at),
	data_source = 'Published register of members (demo data)'
WHERE category IN ('mp', 'peer', 'councillor') AND lawful_basis IS NULL;

UPDATE people SET lawful_basis = 'legitimate_interests',
	basis_date = DATE(created_at),
	basis_note = 'Professional contact in their public or work role; '
	    'weighed against their interests when first recorded.',
	data_source = 'Entered by the team (demo data)'
WHERE category IN ('civil_servant', 'fcdo_official', 'journalist',
    'coalition_partner', 'hias_staff', 'other') AND lawful_basis IS NULL;

UPDATE people SET lawful_basis = 'consent', basis_date = '2025-03-14',
	basis_note = 'Agreed at the interfaith breakfast to hear about our '
	    'briefings and to be named in engagement records.',
	data_source = 'Interfaith breakfast sign-up sheet (demo data)'
WHERE category = 'faith_leader' AND lawful_basis IS NULL
ORDER BY id LIMIT 1;

COMMIT;
