-- Who served the person (interaction.staff_ref and listening_response.staff_ref): staff are people too. Reading those
-- references per staff member (grouping scores by who served) is a purpose of its own, with its legal basis, its
-- retention and the works council's consent that monitoring staff needs in the Netherlands (WOR art. 27 lid 1 sub l).
insert into privacy_purpose (id, name_nl, name_en, description_nl, description_en, legal_basis, personal_data,
        data_categories, retention_months, recipients, created_at, updated_at) values
('service-quality-staff', 'Kwaliteit van de dienstverlening — medewerkers', 'Quality of service — staff',
 'Welke medewerker (pseudoniem) en welk team iemand hielp, om de kwaliteit van de dienstverlening te verbeteren en het sturen op cijfers (vragen om een 10) te zien. Standaard per team getoond; per medewerker alleen aan de eigen teamleider en alleen waar een signaal significant is. In Nederland vraagt zo''n personeelsvolgsysteem instemming van de ondernemingsraad (WOR art. 27).',
 'Which staff member (pseudonym) and team served the person, to improve the quality of service and to see scores being steered (asking for a 10). Shown per team by default; per staff member only to their own team lead and only where a signal is significant. In the Netherlands such staff monitoring needs the works council''s consent (WOR art. 27).',
 'LEGITIMATE_INTEREST', true, 'pseudonieme medewerkersverwijzing, team, scores van de contacten die de medewerker had', 12,
 'teamleiders (per medewerker, alleen het eigen team), management (per team)', current_timestamp, current_timestamp);
