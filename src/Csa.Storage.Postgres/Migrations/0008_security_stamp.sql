-- PostgreSQL. Schema version 8: each atlas account gets a security stamp, renewed when its password changes; a session
-- whose stamp is no longer the account's is ended (csa user password, csa user remove).

ALTER TABLE atlas_user ADD COLUMN security_stamp VARCHAR COLLATE "C" DEFAULT '';
UPDATE atlas_user SET security_stamp = CAST(gen_random_uuid() AS VARCHAR);
