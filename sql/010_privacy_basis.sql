-- Why the tracker holds each person (UK GDPR article 6), and where their
-- details came from.  See PRIVACY.md.
--
-- lawful_basis is a code of lib/privacy_basis.c's table, the one place
-- the codes and their labels are kept: legitimate_interests, consent,
-- public_task, contract, legal_obligation, vital_interests, public_role
-- ('legitimate interests: public role', for office holders whose details
-- are published).  NULL means no basis has been recorded yet: the admin
-- page counts them and the directory can list them, so the gap is
-- worked through rather than hidden.
--
-- basis_date is when the basis was established (for consent: the day it
-- was given); basis_note says anything the basis needs (what was
-- consented to, the interest weighed); data_source says where the
-- details came from.
ALTER TABLE people
	ADD COLUMN lawful_basis VARCHAR(40) CHARACTER SET ascii NULL,
	ADD COLUMN basis_note TEXT NULL,
	ADD COLUMN basis_date DATE NULL,
	ADD COLUMN data_source VARCHAR(300) NOT NULL DEFAULT '',
	ADD KEY people_lawful_basis (lawful_basis);

-- People already imported from a public register hold a public role, and
-- the register is their source.  The day they entered the directory is
-- the best date there is for when that was established.
UPDATE people SET lawful_basis = 'public_role',
	basis_date = DATE(created_at),
	data_source = CONCAT('UK Parliament Members API, on record since ',
	    DATE(created_at))
WHERE parliament_id IS NOT NULL;

UPDATE people p JOIN organisations o ON o.id = p.organisation_id
SET p.lawful_basis = 'public_role',
	p.basis_date = DATE(p.created_at),
	p.data_source = LEFT(CONCAT('ModernGov: ', o.name, ', on record since ',
	    DATE(p.created_at)), 300)
WHERE p.moderngov_id IS NOT NULL AND p.parliament_id IS NULL;

-- Everyone else was entered by hand or from a spreadsheet: which basis
-- applies is the charity's decision, so it is left NULL ('not recorded')
-- rather than guessed.
