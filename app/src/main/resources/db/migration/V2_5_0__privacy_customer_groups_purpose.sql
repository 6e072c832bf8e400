-- The purpose customer groups rest on (groups): a person's group, chosen by them or derived from what is known about
-- them, to serve each group better and to see whether it works.
insert into privacy_purpose (id, name_nl, name_en, description_nl, description_en, legal_basis, personal_data,
        data_categories, retention_months, recipients, created_at, updated_at) values
('customer-groups', 'Klantgroepen', 'Customer groups',
 'We delen mensen in groepen in (zoals een wandelgroep met stevig tempo of een die onderweg geniet), op hun eigen keuze of op wat we van hen weten, om elke groep beter te bedienen en te zien of dat lukt. Iemand kiest zelf een andere groep of geen.',
 'We place people in groups (such as a walking group at a brisk pace or one that enjoys the way), by their own choice or by what we know about them, to serve each group better and to see whether it works. A person chooses another group or none themselves.',
 'LEGITIMATE_INTEREST', true, 'groepslidmaatschap met begin en einde, kenmerken zoals tempovoorkeur en leeftijdsgroep', 24,
 'analisten en management van de organisatie', current_timestamp, current_timestamp);
