-- The people type-ahead (GET /people/search.json, issue 10) asks for
-- names with a word starting with what was typed: "jon" finds Sarah
-- Jones, "pat" Lord Patel of Bradford.  A FULLTEXT index on the name
-- answers that with an index lookup at any directory size (a LIKE
-- '%jon%' would read every person); its collation (utf8mb4_unicode_ci)
-- folds case and accents, so "zoe" finds Zoë.  Stopwords are off for
-- this index: "Who", "The" or "Will" are parts of names, not noise.
-- Words shorter than innodb_ft_min_token_size (3) are not indexed; the
-- search matches those with the people_name prefix index instead.
SET SESSION innodb_ft_enable_stopword = OFF;
ALTER TABLE people ADD FULLTEXT KEY people_name_words (full_name);
SET SESSION innodb_ft_enable_stopword = ON;

-- The /engagements filter offers the parties in use: SELECT DISTINCT
-- party of the live people.  With deleted_at beside party in one index
-- MariaDB answers it by skipping from party to party in the index (a
-- loose index scan: a dozen reads), where the party index alone read
-- every person with a party.  It replaces that index, its prefix.
ALTER TABLE people ADD KEY people_party_live (party, deleted_at),
    DROP KEY people_party;
