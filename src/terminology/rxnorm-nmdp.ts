/**
 * RxNorm codes for contract agents, generated from ../shared/terminology/nmdp_cibmtr_rxnorm_valuesets.csv
 * (nmdp-ig/cibmtr-reporting-ig value sets, Apache-2.0): every single-ingredient row whose display
 * names one contract agent by generic name or brand (ingredient, brand, clinical and branded drug
 * codes). Multi-ingredient rows (" / ") are left out. Filgrastim biosimilars (-aafi, -sndz, -ayow)
 * and tbo-filgrastim are filgrastim; pegfilgrastim biosimilars are pegfilgrastim.
 * Do not edit by hand: regenerate from the CSV.
 */
import type { Agent } from '../contract/index.js';

export const NMDP_RXNORM: Readonly<Record<string, Agent>> = {
  // cyclophosphamide: med-cyclophosmamide-valueset.fsh, med-form2400-gvhd-prophylaxis-valueset.fsh, med-form2400-prep-regimen-valueset.fsh
  '3002': 'cyclophosphamide', // cyclophosphamide
  '102948': 'cyclophosphamide', // cyclophosphamide 10 MG Oral Tablet [Endoxana]
  '105555': 'cyclophosphamide', // cyclophosphamide 50 MG Oral Tablet [Endoxana]
  '197549': 'cyclophosphamide', // cyclophosphamide 25 MG Oral Tablet
  '197550': 'cyclophosphamide', // cyclophosphamide 50 MG Oral Tablet
  '210570': 'cyclophosphamide', // cyclophosphamide 25 MG Oral Tablet [Cytoxan]
  '210639': 'cyclophosphamide', // cyclophosphamide 50 MG Oral Tablet [Cytoxan]
  '221085': 'cyclophosphamide', // cyclophosphamide lyophilized
  '315746': 'cyclophosphamide', // cyclophosphamide 25 MG
  '315747': 'cyclophosphamide', // cyclophosphamide 50 MG
  '329664': 'cyclophosphamide', // cyclophosphamide 20 MG/ML
  '358855': 'cyclophosphamide', // cyclophosphamide 10 MG
  '367922': 'cyclophosphamide', // cyclophosphamide Oral Tablet [Cytoxan]
  '368546': 'cyclophosphamide', // cyclophosphamide Oral Tablet [Endoxana]
  '371664': 'cyclophosphamide', // cyclophosphamide Oral Tablet
  '376666': 'cyclophosphamide', // cyclophosphamide Injectable Solution
  '438828': 'cyclophosphamide', // cyclophosphamide 10 MG/ML
  '438830': 'cyclophosphamide', // cyclophosphamide 5 MG/ML
  '438831': 'cyclophosphamide', // cyclophosphamide 7.5 MG/ML
  '563185': 'cyclophosphamide', // cyclophosphamide 10 MG [Endoxana]
  '564082': 'cyclophosphamide', // cyclophosphamide 50 MG [Endoxana]
  '571074': 'cyclophosphamide', // cyclophosphamide 25 MG [Cytoxan]
  '571139': 'cyclophosphamide', // cyclophosphamide 50 MG [Cytoxan]
  '1156181': 'cyclophosphamide', // cyclophosphamide Injectable Product
  '1156182': 'cyclophosphamide', // cyclophosphamide Oral Product
  '1156183': 'cyclophosphamide', // cyclophosphamide Pill
  '1437967': 'cyclophosphamide', // cyclophosphamide Oral Capsule
  '1437968': 'cyclophosphamide', // cyclophosphamide 25 MG Oral Capsule
  '1437969': 'cyclophosphamide', // cyclophosphamide 50 MG Oral Capsule
  '1545988': 'cyclophosphamide', // cyclophosphamide anhydrous
  '1734915': 'cyclophosphamide', // cyclophosphamide 500 MG
  '1734916': 'cyclophosphamide', // cyclophosphamide Injection
  '1734917': 'cyclophosphamide', // cyclophosphamide 500 MG Injection
  '1734918': 'cyclophosphamide', // cyclophosphamide 1000 MG
  '1734919': 'cyclophosphamide', // cyclophosphamide 1000 MG Injection
  '1734920': 'cyclophosphamide', // cyclophosphamide 2000 MG
  '1734921': 'cyclophosphamide', // cyclophosphamide 2000 MG Injection
  '2386858': 'cyclophosphamide', // cyclophosphamide 200 MG/ML
  '2386859': 'cyclophosphamide', // cyclophosphamide 200 MG/ML Injectable Solution
  '2568661': 'cyclophosphamide', // 5 ML cyclophosphamide 200 MG/ML Injection
  '2568663': 'cyclophosphamide', // 2.5 ML cyclophosphamide 200 MG/ML Injection
  // methotrexate: med-form2400-gvhd-prophylaxis-valueset.fsh
  '6851': 'methotrexate', // methotrexate
  '105585': 'methotrexate', // methotrexate 2.5 MG Oral Tablet
  '105586': 'methotrexate', // methotrexate 10 MG Oral Tablet
  '105589': 'methotrexate', // methotrexate 100 MG/ML Injectable Solution
  '283510': 'methotrexate', // methotrexate 15 MG Oral Tablet
  '283511': 'methotrexate', // methotrexate 5 MG Oral Tablet
  '283671': 'methotrexate', // methotrexate 7.5 MG Oral Tablet
  '284592': 'methotrexate', // methotrexate 5 MG Oral Tablet [Trexall]
  '284593': 'methotrexate', // methotrexate 10 MG Oral Tablet [Trexall]
  '284594': 'methotrexate', // methotrexate 7.5 MG Oral Tablet [Trexall]
  '284595': 'methotrexate', // methotrexate 15 MG Oral Tablet [Trexall]
  '287734': 'methotrexate', // methotrexate sodium
  '311625': 'methotrexate', // methotrexate 1000 MG Injection
  '315148': 'methotrexate', // methotrexate 2.5 MG/ML Injectable Solution
  '328404': 'methotrexate', // methotrexate 50 MG/ML
  '328406': 'methotrexate', // methotrexate 25 MG/ML
  '328407': 'methotrexate', // methotrexate 2.5 MG
  '330028': 'methotrexate', // methotrexate 2.5 MG/ML
  '331568': 'methotrexate', // methotrexate 10 MG
  '331569': 'methotrexate', // methotrexate 15 MG
  '332454': 'methotrexate', // methotrexate 5 MG
  '332455': 'methotrexate', // methotrexate 7.5 MG
  '360547': 'methotrexate', // methotrexate 100 MG/ML
  '368138': 'methotrexate', // methotrexate Oral Tablet [Trexall]
  '372835': 'methotrexate', // methotrexate Injectable Solution
  '372836': 'methotrexate', // methotrexate Oral Tablet
  '575019': 'methotrexate', // methotrexate 5 MG [Trexall]
  '575020': 'methotrexate', // methotrexate 10 MG [Trexall]
  '575021': 'methotrexate', // methotrexate 7.5 MG [Trexall]
  '575022': 'methotrexate', // methotrexate 15 MG [Trexall]
  '1162235': 'methotrexate', // methotrexate Injectable Product
  '1162236': 'methotrexate', // methotrexate Oral Product
  '1162237': 'methotrexate', // methotrexate Pill
  '1441402': 'methotrexate', // 0.4 ML methotrexate 25 MG/ML Auto-Injector
  '1441404': 'methotrexate', // methotrexate 25 MG/ML [Otrexup]
  '1441407': 'methotrexate', // 0.4 ML methotrexate 25 MG/ML Auto-Injector [Otrexup]
  '1441410': 'methotrexate', // methotrexate 37.5 MG/ML
  '1441411': 'methotrexate', // 0.4 ML methotrexate 37.5 MG/ML Auto-Injector
  '1441412': 'methotrexate', // methotrexate 37.5 MG/ML [Otrexup]
  '1441413': 'methotrexate', // 0.4 ML methotrexate 37.5 MG/ML Auto-Injector [Otrexup]
  '1441416': 'methotrexate', // 0.4 ML methotrexate 50 MG/ML Auto-Injector
  '1441417': 'methotrexate', // methotrexate 50 MG/ML [Otrexup]
  '1441418': 'methotrexate', // 0.4 ML methotrexate 50 MG/ML Auto-Injector [Otrexup]
  '1441421': 'methotrexate', // methotrexate 62.5 MG/ML
  '1441422': 'methotrexate', // 0.4 ML methotrexate 62.5 MG/ML Auto-Injector
  '1441423': 'methotrexate', // methotrexate 62.5 MG/ML [Otrexup]
  '1441424': 'methotrexate', // 0.4 ML methotrexate 62.5 MG/ML Auto-Injector [Otrexup]
  '1544378': 'methotrexate', // 0.2 ML methotrexate 50 MG/ML Auto-Injector
  '1544380': 'methotrexate', // methotrexate 50 MG/ML [Rasuvo]
  '1544383': 'methotrexate', // 0.2 ML methotrexate 50 MG/ML Auto-Injector [Rasuvo]
  '1544385': 'methotrexate', // 0.25 ML methotrexate 50 MG/ML Auto-Injector
  '1544386': 'methotrexate', // 0.25 ML methotrexate 50 MG/ML Auto-Injector [Rasuvo]
  '1544387': 'methotrexate', // 0.3 ML methotrexate 50 MG/ML Auto-Injector
  '1544388': 'methotrexate', // 0.3 ML methotrexate 50 MG/ML Auto-Injector [Rasuvo]
  '1544389': 'methotrexate', // 0.35 ML methotrexate 50 MG/ML Auto-Injector
  '1544390': 'methotrexate', // 0.35 ML methotrexate 50 MG/ML Auto-Injector [Rasuvo]
  '1544394': 'methotrexate', // 0.4 ML methotrexate 50 MG/ML Auto-Injector [Rasuvo]
  '1544395': 'methotrexate', // 0.45 ML methotrexate 50 MG/ML Auto-Injector
  '1544396': 'methotrexate', // 0.45 ML methotrexate 50 MG/ML Auto-Injector [Rasuvo]
  '1544397': 'methotrexate', // 0.5 ML methotrexate 50 MG/ML Auto-Injector
  '1544398': 'methotrexate', // 0.5 ML methotrexate 50 MG/ML Auto-Injector [Rasuvo]
  '1544401': 'methotrexate', // 0.6 ML methotrexate 50 MG/ML Auto-Injector
  '1544402': 'methotrexate', // 0.6 ML methotrexate 50 MG/ML Auto-Injector [Rasuvo]
  '1544403': 'methotrexate', // 0.15 ML methotrexate 50 MG/ML Auto-Injector
  '1544404': 'methotrexate', // 0.15 ML methotrexate 50 MG/ML Auto-Injector [Rasuvo]
  '1655203': 'methotrexate', // methotrexate Auto-Injector
  '1655205': 'methotrexate', // methotrexate Auto-Injector [Otrexup]
  '1655252': 'methotrexate', // methotrexate Auto-Injector [Rasuvo]
  '1655955': 'methotrexate', // methotrexate Injection
  '1655956': 'methotrexate', // 40 ML methotrexate 25 MG/ML Injection
  '1655959': 'methotrexate', // 10 ML methotrexate 25 MG/ML Injection
  '1655960': 'methotrexate', // 2 ML methotrexate 25 MG/ML Injection
  '1655967': 'methotrexate', // 4 ML methotrexate 25 MG/ML Injection
  '1655968': 'methotrexate', // 8 ML methotrexate 25 MG/ML Injection
  '1656681': 'methotrexate', // methotrexate 1000 MG
  '1747178': 'methotrexate', // methotrexate 31.3 MG/ML
  '1747179': 'methotrexate', // 0.4 ML methotrexate 31.3 MG/ML Auto-Injector
  '1747180': 'methotrexate', // methotrexate 31.3 MG/ML [Otrexup]
  '1747181': 'methotrexate', // 0.4 ML methotrexate 31.3 MG/ML Auto-Injector [Otrexup]
  '1747184': 'methotrexate', // methotrexate 43.8 MG/ML
  '1747185': 'methotrexate', // 0.4 ML methotrexate 43.8 MG/ML Auto-Injector
  '1747186': 'methotrexate', // methotrexate 43.8 MG/ML [Otrexup]
  '1747187': 'methotrexate', // 0.4 ML methotrexate 43.8 MG/ML Auto-Injector [Otrexup]
  '1747191': 'methotrexate', // methotrexate 56.3 MG/ML
  '1747192': 'methotrexate', // 0.4 ML methotrexate 56.3 MG/ML Auto-Injector
  '1747193': 'methotrexate', // methotrexate 56.3 MG/ML [Otrexup]
  '1747194': 'methotrexate', // 0.4 ML methotrexate 56.3 MG/ML Auto-Injector [Otrexup]
  '1921590': 'methotrexate', // methotrexate Oral Liquid Product
  '1921591': 'methotrexate', // methotrexate Oral Solution
  '1921592': 'methotrexate', // methotrexate 2.5 MG/ML Oral Solution
  '1921594': 'methotrexate', // methotrexate 2.5 MG/ML [Xatmep]
  '1921595': 'methotrexate', // methotrexate Oral Solution [Xatmep]
  '1921598': 'methotrexate', // methotrexate 2.5 MG/ML Oral Solution [Xatmep]
  '1946772': 'methotrexate', // methotrexate 25 MG/ML Injectable Solution
  '2377332': 'methotrexate', // methotrexate Prefilled Syringe
  '2377333': 'methotrexate', // 0.4 ML methotrexate 25 MG/ML Prefilled Syringe
  '2377335': 'methotrexate', // methotrexate 25 MG/ML [Reditrex]
  '2377336': 'methotrexate', // methotrexate Prefilled Syringe [Reditrex]
  '2377338': 'methotrexate', // 0.4 ML methotrexate 25 MG/ML Prefilled Syringe [Reditrex]
  '2377341': 'methotrexate', // 0.5 ML methotrexate 25 MG/ML Prefilled Syringe
  '2377342': 'methotrexate', // 0.5 ML methotrexate 25 MG/ML Prefilled Syringe [Reditrex]
  '2377343': 'methotrexate', // 0.6 ML methotrexate 25 MG/ML Prefilled Syringe
  '2377344': 'methotrexate', // 0.6 ML methotrexate 25 MG/ML Prefilled Syringe [Reditrex]
  '2377345': 'methotrexate', // 0.7 ML methotrexate 25 MG/ML Prefilled Syringe
  '2377346': 'methotrexate', // 0.7 ML methotrexate 25 MG/ML Prefilled Syringe [Reditrex]
  '2377347': 'methotrexate', // 0.8 ML methotrexate 25 MG/ML Prefilled Syringe
  '2377348': 'methotrexate', // 0.8 ML methotrexate 25 MG/ML Prefilled Syringe [Reditrex]
  '2377349': 'methotrexate', // 0.9 ML methotrexate 25 MG/ML Prefilled Syringe
  '2377350': 'methotrexate', // 0.9 ML methotrexate 25 MG/ML Prefilled Syringe [Reditrex]
  '2377351': 'methotrexate', // 1 ML methotrexate 25 MG/ML Prefilled Syringe
  '2377352': 'methotrexate', // 1 ML methotrexate 25 MG/ML Prefilled Syringe [Reditrex]
  '2377353': 'methotrexate', // 0.3 ML methotrexate 25 MG/ML Prefilled Syringe
  '2377354': 'methotrexate', // 0.3 ML methotrexate 25 MG/ML Prefilled Syringe [Reditrex]
  // cytarabine: med-cytarabine-valueset.fsh, med-form2400-prep-regimen-valueset.fsh
  '3041': 'cytarabine', // cytarabine
  '105580': 'cytarabine', // cytarabine 20 MG/ML Injectable Solution [Alexan]
  '108359': 'cytarabine', // cytarabine 20 MG/ML Injectable Solution [Cytosar]
  '108360': 'cytarabine', // cytarabine 50 MG/ML Injectable Solution [Cytosar]
  '213044': 'cytarabine', // cytarabine 20 MG/ML Injectable Solution [Tarabine PFS]
  '240416': 'cytarabine', // cytarabine 20 MG/ML Injectable Solution
  '245255': 'cytarabine', // cytarabine 50 MG/ML Injectable Solution
  '249364': 'cytarabine', // 20 ML cytarabine 100 MG/ML Injection
  '331779': 'cytarabine', // cytarabine 100 MG/ML
  '332422': 'cytarabine', // cytarabine 20 MG/ML
  '333668': 'cytarabine', // cytarabine 50 MG/ML
  '362596': 'cytarabine', // cytarabine Injectable Solution [Alexan]
  '362991': 'cytarabine', // cytarabine Injectable Solution [Tarabine PFS]
  '363023': 'cytarabine', // cytarabine Injectable Solution [Cytosar]
  '371676': 'cytarabine', // cytarabine Injectable Solution
  '544939': 'cytarabine', // cytarabine Injectable Suspension
  '544940': 'cytarabine', // cytarabine 50 MG/ML Injectable Suspension
  '564102': 'cytarabine', // cytarabine 20 MG/ML [Alexan]
  '564515': 'cytarabine', // cytarabine 20 MG/ML [Cytosar]
  '564516': 'cytarabine', // cytarabine 50 MG/ML [Cytosar]
  '572983': 'cytarabine', // cytarabine 20 MG/ML [Tarabine PFS]
  '968804': 'cytarabine', // cytarabine liposome
  '968805': 'cytarabine', // cytarabine liposome 10 MG/ML
  '1151483': 'cytarabine', // cytarabine Injectable Product
  '1731354': 'cytarabine', // cytarabine Injection
  '1731355': 'cytarabine', // 5 ML cytarabine 20 MG/ML Injection
  '1942738': 'cytarabine', // cytarabine liposome 100 MG
  // etoposide: med-etoposide-valueset.fsh, med-form2400-prep-regimen-valueset.fsh
  '4179': 'etoposide', // etoposide
  '24614': 'etoposide', // etoposide phosphate
  '105592': 'etoposide', // etoposide 50 MG Oral Capsule [Vepesid]
  '105593': 'etoposide', // etoposide 100 MG Oral Capsule [Vepesid]
  '197687': 'etoposide', // etoposide 50 MG Oral Capsule
  '199315': 'etoposide', // etoposide 100 MG Oral Capsule
  '206831': 'etoposide', // etoposide 20 MG/ML Injectable Solution [Toposar]
  '206832': 'etoposide', // etoposide 20 MG/ML Injectable Solution [Vepesid]
  '226719': 'etoposide', // etoposide 100 MG Injection [Etopophos]
  '310248': 'etoposide', // etoposide 20 MG/ML Injectable Solution
  '315912': 'etoposide', // etoposide 20 MG/ML
  '315913': 'etoposide', // etoposide 50 MG
  '329753': 'etoposide', // etoposide 100 MG
  '362881': 'etoposide', // etoposide Injectable Solution [Toposar]
  '362972': 'etoposide', // etoposide Injectable Solution [Vepesid]
  '366233': 'etoposide', // etoposide Oral Capsule [Vepesid]
  '372132': 'etoposide', // etoposide Oral Capsule
  '376890': 'etoposide', // etoposide Injectable Solution
  '451835': 'etoposide', // etoposide 10 MG/ML
  '564107': 'etoposide', // etoposide 50 MG [Vepesid]
  '564108': 'etoposide', // etoposide 100 MG [Vepesid]
  '567639': 'etoposide', // etoposide 20 MG/ML [Toposar]
  '567640': 'etoposide', // etoposide 20 MG/ML [Vepesid]
  '1157928': 'etoposide', // etoposide Injectable Product
  '1157929': 'etoposide', // etoposide Oral Product
  '1157930': 'etoposide', // etoposide Pill
  '1734339': 'etoposide', // etoposide Injection
  '1734340': 'etoposide', // etoposide 100 MG Injection
  '1734342': 'etoposide', // etoposide 100 MG [Etopophos]
  '1734343': 'etoposide', // etoposide Injection [Etopophos]
  // imatinib: med-form2400-post-hct-disease-therapy-valueset.fsh
  '282386': 'imatinib', // Gleevec
  '282388': 'imatinib', // imatinib
  '284206': 'imatinib', // imatinib 100 MG Oral Capsule
  '331600': 'imatinib', // imatinib 100 MG
  '376335': 'imatinib', // imatinib Oral Capsule
  '403878': 'imatinib', // imatinib 100 MG Oral Tablet
  '403879': 'imatinib', // imatinib 400 MG Oral Tablet
  '404588': 'imatinib', // imatinib 100 MG Oral Tablet [Gleevec]
  '404589': 'imatinib', // imatinib 400 MG Oral Tablet [Gleevec]
  '406050': 'imatinib', // imatinib Oral Tablet
  '406051': 'imatinib', // imatinib 400 MG
  '406060': 'imatinib', // imatinib Oral Tablet [Gleevec]
  '411240': 'imatinib', // imatinib 50 MG Oral Capsule
  '440549': 'imatinib', // imatinib 50 MG
  '483431': 'imatinib', // imatinib 400 MG Oral Capsule
  '575017': 'imatinib', // imatinib 100 MG [Gleevec]
  '576514': 'imatinib', // imatinib 400 MG [Gleevec]
  '1160679': 'imatinib', // imatinib Oral Product
  '1160680': 'imatinib', // imatinib Pill
  '1171230': 'imatinib', // Gleevec Oral Product
  '1171231': 'imatinib', // Gleevec Pill
  // dasatinib: med-form2400-post-hct-disease-therapy-valueset.fsh
  '475342': 'dasatinib', // dasatinib
  '643103': 'dasatinib', // dasatinib 20 MG
  '643104': 'dasatinib', // dasatinib Oral Tablet
  '643105': 'dasatinib', // dasatinib 20 MG Oral Tablet
  '643106': 'dasatinib', // dasatinib 50 MG
  '643107': 'dasatinib', // dasatinib 50 MG Oral Tablet
  '643108': 'dasatinib', // dasatinib 70 MG
  '643109': 'dasatinib', // dasatinib 70 MG Oral Tablet
  '643170': 'dasatinib', // Sprycel
  '643171': 'dasatinib', // dasatinib 20 MG [Sprycel]
  '643172': 'dasatinib', // dasatinib Oral Tablet [Sprycel]
  '643173': 'dasatinib', // dasatinib 20 MG Oral Tablet [Sprycel]
  '643174': 'dasatinib', // dasatinib 50 MG [Sprycel]
  '643175': 'dasatinib', // dasatinib 50 MG Oral Tablet [Sprycel]
  '643176': 'dasatinib', // dasatinib 70 MG [Sprycel]
  '643177': 'dasatinib', // dasatinib 70 MG Oral Tablet [Sprycel]
  '799046': 'dasatinib', // dasatinib 100 MG
  '799047': 'dasatinib', // dasatinib 100 MG Oral Tablet
  '799829': 'dasatinib', // dasatinib 100 MG [Sprycel]
  '799830': 'dasatinib', // dasatinib 100 MG Oral Tablet [Sprycel]
  '1045401': 'dasatinib', // dasatinib 140 MG
  '1045402': 'dasatinib', // dasatinib 140 MG Oral Tablet
  '1045403': 'dasatinib', // dasatinib 140 MG [Sprycel]
  '1045404': 'dasatinib', // dasatinib 140 MG Oral Tablet [Sprycel]
  '1045405': 'dasatinib', // dasatinib 80 MG
  '1045406': 'dasatinib', // dasatinib 80 MG Oral Tablet
  '1045407': 'dasatinib', // dasatinib 80 MG [Sprycel]
  '1045408': 'dasatinib', // dasatinib 80 MG Oral Tablet [Sprycel]
  '1157186': 'dasatinib', // dasatinib Oral Product
  '1157187': 'dasatinib', // dasatinib Pill
  '1177781': 'dasatinib', // Sprycel Oral Product
  '1177782': 'dasatinib', // Sprycel Pill
  '1546019': 'dasatinib', // dasatinib anhydrous
  // bosutinib: med-form2400-post-hct-disease-therapy-valueset.fsh
  '1307619': 'bosutinib', // bosutinib
  '1307620': 'bosutinib', // bosutinib 100 MG
  '1307621': 'bosutinib', // bosutinib Oral Product
  '1307622': 'bosutinib', // bosutinib Pill
  '1307623': 'bosutinib', // bosutinib Oral Tablet
  '1307624': 'bosutinib', // bosutinib 100 MG Oral Tablet
  '1307625': 'bosutinib', // Bosulif
  '1307626': 'bosutinib', // bosutinib 100 MG [Bosulif]
  '1307627': 'bosutinib', // bosutinib Oral Tablet [Bosulif]
  '1307628': 'bosutinib', // Bosulif Oral Product
  '1307629': 'bosutinib', // Bosulif Pill
  '1307630': 'bosutinib', // bosutinib 100 MG Oral Tablet [Bosulif]
  '1307632': 'bosutinib', // bosutinib 500 MG
  '1307633': 'bosutinib', // bosutinib 500 MG Oral Tablet
  '1307634': 'bosutinib', // bosutinib 500 MG [Bosulif]
  '1307635': 'bosutinib', // bosutinib 500 MG Oral Tablet [Bosulif]
  '1314319': 'bosutinib', // bosutinib monohydrate
  '1987732': 'bosutinib', // bosutinib 400 MG Oral Tablet
  '1987734': 'bosutinib', // bosutinib 400 MG Oral Tablet [Bosulif]
  '1988983': 'bosutinib', // bosutinib 400 MG
  '1988985': 'bosutinib', // bosutinib 400 MG [Bosulif]
  // blinatumomab: med-form2400-post-hct-disease-therapy-valueset.fsh, med-form2400-prior-exposure-valueset.fsh
  '1597258': 'blinatumomab', // blinatumomab
  '1597260': 'blinatumomab', // blinatumomab Injectable Product
  '1597262': 'blinatumomab', // blinatumomab 0.035 MG Injection
  '1597263': 'blinatumomab', // Blincyto
  '1597266': 'blinatumomab', // Blincyto Injectable Product
  '1597267': 'blinatumomab', // blinatumomab 0.035 MG Injection [Blincyto]
  '1651249': 'blinatumomab', // blinatumomab 0.035 MG
  '1651250': 'blinatumomab', // blinatumomab Injection
  '1651252': 'blinatumomab', // blinatumomab 0.035 MG [Blincyto]
  '1651253': 'blinatumomab', // blinatumomab Injection [Blincyto]
  // inotuzumab ozogamicin: med-form2400-prior-exposure-valueset.fsh
  '1942950': 'inotuzumab-ozogamicin', // inotuzumab ozogamicin
  '1942951': 'inotuzumab-ozogamicin', // inotuzumab ozogamicin 0.9 MG
  '1942952': 'inotuzumab-ozogamicin', // inotuzumab ozogamicin Injectable Product
  '1942953': 'inotuzumab-ozogamicin', // inotuzumab ozogamicin Injection
  '1942954': 'inotuzumab-ozogamicin', // inotuzumab ozogamicin 0.9 MG Injection
  '1942955': 'inotuzumab-ozogamicin', // Besponsa
  '1942956': 'inotuzumab-ozogamicin', // inotuzumab ozogamicin 0.9 MG [Besponsa]
  '1942957': 'inotuzumab-ozogamicin', // inotuzumab ozogamicin Injection [Besponsa]
  '1942958': 'inotuzumab-ozogamicin', // Besponsa Injectable Product
  '1942959': 'inotuzumab-ozogamicin', // inotuzumab ozogamicin 0.9 MG Injection [Besponsa]
  // clofarabine: med-form2400-prep-regimen-valueset.fsh
  '44151': 'clofarabine', // clofarabine
  '486417': 'clofarabine', // clofarabine 1 MG/ML
  '486419': 'clofarabine', // 20 ML clofarabine 1 MG/ML Injection
  '493622': 'clofarabine', // Clolar
  '544913': 'clofarabine', // clofarabine 1 MG/ML [Clolar]
  '544915': 'clofarabine', // 20 ML clofarabine 1 MG/ML Injection [Clolar]
  '1163761': 'clofarabine', // clofarabine Injectable Product
  '1173022': 'clofarabine', // Clolar Injectable Product
  '1806666': 'clofarabine', // clofarabine Injection
  '1806668': 'clofarabine', // clofarabine Injection [Clolar]
  // rituximab: med-form2400-mobilizing-agents-valueset.fsh, med-form2400-post-hct-disease-therapy-valueset.fsh, med-form2400-prep-regimen-valueset.fsh, med-rituximab-valueset.fsh
  '121191': 'rituximab', // rituximab
  '226754': 'rituximab', // Rituxan
  '316648': 'rituximab', // rituximab 10 MG/ML
  '573051': 'rituximab', // rituximab 10 MG/ML [Rituxan]
  '1157967': 'rituximab', // rituximab Injectable Product
  '1185345': 'rituximab', // Rituxan Injectable Product
  '1657861': 'rituximab', // rituximab Injection
  '1657862': 'rituximab', // 10 ML rituximab 10 MG/ML Injection
  '1657863': 'rituximab', // rituximab Injection [Rituxan]
  '1657864': 'rituximab', // 10 ML rituximab 10 MG/ML Injection [Rituxan]
  '1657866': 'rituximab', // rituximab 10 MG/ML Injection [Rituxan]
  '1657867': 'rituximab', // 50 ML rituximab 10 MG/ML Injection
  '1657868': 'rituximab', // 50 ML rituximab 10 MG/ML Injection [Rituxan]
  '1927881': 'rituximab', // rituximab 120 MG/ML
  '1927886': 'rituximab', // Rituxan Hycela
  '1927889': 'rituximab', // Rituxan Hycela Injectable Product
  '2105824': 'rituximab', // rituximab-abbs
  '2105825': 'rituximab', // rituximab-abbs 10 MG/ML
  '2105826': 'rituximab', // 10 ML rituximab-abbs 10 MG/ML Injection
  '2105828': 'rituximab', // rituximab-abbs 10 MG/ML [Truxima]
  '2105829': 'rituximab', // rituximab Injection [Truxima]
  '2105831': 'rituximab', // 10 ML rituximab-abbs 10 MG/ML Injection [Truxima]
  '2105833': 'rituximab', // rituximab-abbs 10 MG/ML Injection [Truxima]
  '2105834': 'rituximab', // 50 ML rituximab-abbs 10 MG/ML Injection
  '2105835': 'rituximab', // 50 ML rituximab-abbs 10 MG/ML Injection [Truxima]
  '2273510': 'rituximab', // rituximab-pvvr
  '2273511': 'rituximab', // rituximab-pvvr 10 MG/ML
  '2273512': 'rituximab', // 10 ML rituximab-pvvr 10 MG/ML Injection
  '2273514': 'rituximab', // rituximab-pvvr 10 MG/ML [Ruxience]
  '2273515': 'rituximab', // rituximab Injection [Ruxience]
  '2273517': 'rituximab', // 10 ML rituximab-pvvr 10 MG/ML Injection [Ruxience]
  '2273520': 'rituximab', // 50 ML rituximab-pvvr 10 MG/ML Injection
  '2273521': 'rituximab', // 50 ML rituximab-pvvr 10 MG/ML Injection [Ruxience]
  '2472325': 'rituximab', // rituximab-arrx
  '2472326': 'rituximab', // rituximab-arrx 10 MG/ML
  '2472327': 'rituximab', // 10 ML rituximab-arrx 10 MG/ML Injection
  '2472329': 'rituximab', // rituximab-arrx 10 MG/ML [Riabni]
  '2472330': 'rituximab', // rituximab Injection [Riabni]
  '2472332': 'rituximab', // 10 ML rituximab-arrx 10 MG/ML Injection [Riabni]
  '2472335': 'rituximab', // 50 ML rituximab-arrx 10 MG/ML Injection
  '2472336': 'rituximab', // 50 ML rituximab-arrx 10 MG/ML Injection [Riabni]
  // filgrastim: med-form2400-mobilizing-agents-valueset.fsh
  '68442': 'filgrastim', // filgrastim
  '227304': 'filgrastim', // Neupogen
  '315932': 'filgrastim', // filgrastim 0.3 MG/ML
  '331527': 'filgrastim', // filgrastim 0.6 MG/ML
  '567845': 'filgrastim', // filgrastim 0.3 MG/ML [Neupogen]
  '574887': 'filgrastim', // filgrastim 0.6 MG/ML [Neupogen]
  '727534': 'filgrastim', // filgrastim Prefilled Syringe
  '727535': 'filgrastim', // 0.5 ML filgrastim 0.6 MG/ML Prefilled Syringe
  '727536': 'filgrastim', // filgrastim Prefilled Syringe [Neupogen]
  '727537': 'filgrastim', // 0.5 ML filgrastim 0.6 MG/ML Prefilled Syringe [Neupogen]
  '727544': 'filgrastim', // 0.8 ML filgrastim 0.6 MG/ML Prefilled Syringe
  '727545': 'filgrastim', // 0.8 ML filgrastim 0.6 MG/ML Prefilled Syringe [Neupogen]
  '1159651': 'filgrastim', // filgrastim Injectable Product
  '1182281': 'filgrastim', // Neupogen Injectable Product
  '1433764': 'filgrastim', // tbo-filgrastim
  '1433765': 'filgrastim', // tbo-filgrastim 0.6 MG/ML
  '1433768': 'filgrastim', // 0.5 ML tbo-filgrastim 0.6 MG/ML Prefilled Syringe
  '1433771': 'filgrastim', // 0.8 ML tbo-filgrastim 0.6 MG/ML Prefilled Syringe
  '1442677': 'filgrastim', // Granix
  '1442678': 'filgrastim', // tbo-filgrastim 0.6 MG/ML [Granix]
  '1442679': 'filgrastim', // filgrastim Prefilled Syringe [Granix]
  '1442680': 'filgrastim', // Granix Injectable Product
  '1442681': 'filgrastim', // 0.5 ML tbo-filgrastim 0.6 MG/ML Prefilled Syringe [Granix]
  '1442683': 'filgrastim', // 0.8 ML tbo-filgrastim 0.6 MG/ML Prefilled Syringe [Granix]
  '1605064': 'filgrastim', // filgrastim-sndz
  '1605065': 'filgrastim', // filgrastim-sndz 0.6 MG/ML
  '1605066': 'filgrastim', // 0.5 ML filgrastim-sndz 0.6 MG/ML Prefilled Syringe
  '1605067': 'filgrastim', // Zarxio
  '1605068': 'filgrastim', // filgrastim-sndz 0.6 MG/ML [Zarxio]
  '1605069': 'filgrastim', // filgrastim Prefilled Syringe [Zarxio]
  '1605070': 'filgrastim', // Zarxio Injectable Product
  '1605071': 'filgrastim', // 0.5 ML filgrastim-sndz 0.6 MG/ML Prefilled Syringe [Zarxio]
  '1605074': 'filgrastim', // 0.8 ML filgrastim-sndz 0.6 MG/ML Prefilled Syringe
  '1605075': 'filgrastim', // 0.8 ML filgrastim-sndz 0.6 MG/ML Prefilled Syringe [Zarxio]
  '1649943': 'filgrastim', // filgrastim Injection
  '1649944': 'filgrastim', // 1 ML filgrastim 0.3 MG/ML Injection
  '1649945': 'filgrastim', // filgrastim Injection [Neupogen]
  '1649946': 'filgrastim', // 1 ML filgrastim 0.3 MG/ML Injection [Neupogen]
  '1649963': 'filgrastim', // 1.6 ML filgrastim 0.3 MG/ML Injection
  '1649964': 'filgrastim', // 1.6 ML filgrastim 0.3 MG/ML Injection [Neupogen]
  '2057198': 'filgrastim', // filgrastim-aafi
  '2057199': 'filgrastim', // filgrastim-aafi 0.6 MG/ML
  '2057200': 'filgrastim', // 0.5 ML filgrastim-aafi 0.6 MG/ML Prefilled Syringe
  '2057201': 'filgrastim', // Nivestym
  '2057202': 'filgrastim', // filgrastim-aafi 0.6 MG/ML [Nivestym]
  '2057203': 'filgrastim', // filgrastim Prefilled Syringe [Nivestym]
  '2057204': 'filgrastim', // Nivestym Injectable Product
  '2057205': 'filgrastim', // 0.5 ML filgrastim-aafi 0.6 MG/ML Prefilled Syringe [Nivestym]
  '2057208': 'filgrastim', // filgrastim-aafi 0.3 MG/ML
  '2057209': 'filgrastim', // 1 ML filgrastim-aafi 0.3 MG/ML Injection
  '2057210': 'filgrastim', // filgrastim-aafi 0.3 MG/ML [Nivestym]
  '2057211': 'filgrastim', // filgrastim Injection [Nivestym]
  '2057212': 'filgrastim', // 1 ML filgrastim-aafi 0.3 MG/ML Injection [Nivestym]
  '2057215': 'filgrastim', // 0.8 ML filgrastim-aafi 0.6 MG/ML Prefilled Syringe
  '2057216': 'filgrastim', // 0.8 ML filgrastim-aafi 0.6 MG/ML Prefilled Syringe [Nivestym]
  '2057218': 'filgrastim', // 1.6 ML filgrastim-aafi 0.3 MG/ML Injection
  '2057219': 'filgrastim', // 1.6 ML filgrastim-aafi 0.3 MG/ML Injection [Nivestym]
  '2101455': 'filgrastim', // tbo-filgrastim 0.3 MG/ML
  '2101456': 'filgrastim', // 1 ML tbo-filgrastim 0.3 MG/ML Injection
  '2101457': 'filgrastim', // tbo-filgrastim 0.3 MG/ML [Granix]
  '2101458': 'filgrastim', // filgrastim Injection [Granix]
  '2101459': 'filgrastim', // 1 ML tbo-filgrastim 0.3 MG/ML Injection [Granix]
  '2101464': 'filgrastim', // 1.6 ML tbo-filgrastim 0.3 MG/ML Injection
  '2101465': 'filgrastim', // 1.6 ML tbo-filgrastim 0.3 MG/ML Injection [Granix]
  '2595942': 'filgrastim', // filgrastim-ayow
  '2595943': 'filgrastim', // filgrastim-ayow 0.6 MG/ML
  '2595944': 'filgrastim', // 0.5 ML filgrastim-ayow 0.6 MG/ML Prefilled Syringe
  '2595946': 'filgrastim', // Releuko
  '2595947': 'filgrastim', // filgrastim-ayow 0.6 MG/ML [Releuko]
  '2595948': 'filgrastim', // Releuko Injectable Product
  '2595949': 'filgrastim', // filgrastim Prefilled Syringe [Releuko]
  '2595950': 'filgrastim', // 0.5 ML filgrastim-ayow 0.6 MG/ML Prefilled Syringe [Releuko]
  '2595952': 'filgrastim', // filgrastim-ayow 0.3 MG/ML
  '2595953': 'filgrastim', // 1 ML filgrastim-ayow 0.3 MG/ML Injection
  '2595955': 'filgrastim', // filgrastim-ayow 0.3 MG/ML [Releuko]
  '2595956': 'filgrastim', // filgrastim Injection [Releuko]
  '2595957': 'filgrastim', // 1 ML filgrastim-ayow 0.3 MG/ML Injection [Releuko]
  '2595959': 'filgrastim', // 1.6 ML filgrastim-ayow 0.3 MG/ML Injection
  '2595960': 'filgrastim', // 1.6 ML filgrastim-ayow 0.3 MG/ML Injection [Releuko]
  '2595961': 'filgrastim', // 0.8 ML filgrastim-ayow 0.6 MG/ML Prefilled Syringe
  '2595962': 'filgrastim', // 0.8 ML filgrastim-ayow 0.6 MG/ML Prefilled Syringe [Releuko]
  // pegfilgrastim: med-form2400-mobilizing-agents-valueset.fsh
  '338036': 'pegfilgrastim', // pegfilgrastim
  '350977': 'pegfilgrastim', // pegfilgrastim 10 MG/ML
  '353501': 'pegfilgrastim', // Neulasta
  '575870': 'pegfilgrastim', // pegfilgrastim 10 MG/ML [Neulasta]
  '727538': 'pegfilgrastim', // pegfilgrastim Prefilled Syringe
  '727539': 'pegfilgrastim', // 0.6 ML pegfilgrastim 10 MG/ML Prefilled Syringe
  '727541': 'pegfilgrastim', // pegfilgrastim Prefilled Syringe [Neulasta]
  '727542': 'pegfilgrastim', // 0.6 ML pegfilgrastim 10 MG/ML Prefilled Syringe [Neulasta]
  '1161380': 'pegfilgrastim', // pegfilgrastim Injectable Product
  '1182279': 'pegfilgrastim', // Neulasta Injectable Product
  '2048018': 'pegfilgrastim', // pegfilgrastim-jmdb
  '2048019': 'pegfilgrastim', // pegfilgrastim-jmdb 10 MG/ML
  '2048020': 'pegfilgrastim', // 0.6 ML pegfilgrastim-jmdb 10 MG/ML Prefilled Syringe
  '2048022': 'pegfilgrastim', // pegfilgrastim-jmdb 10 MG/ML [Fulphila]
  '2048023': 'pegfilgrastim', // pegfilgrastim Prefilled Syringe [Fulphila]
  '2048025': 'pegfilgrastim', // 0.6 ML pegfilgrastim-jmdb 10 MG/ML Prefilled Syringe [Fulphila]
  '2102692': 'pegfilgrastim', // pegfilgrastim-cbqv
  '2102697': 'pegfilgrastim', // pegfilgrastim Prefilled Syringe [Udenyca]
  '2102702': 'pegfilgrastim', // pegfilgrastim-cbqv 10 MG/ML
  '2102703': 'pegfilgrastim', // 0.6 ML pegfilgrastim-cbqv 10 MG/ML Prefilled Syringe
  '2102704': 'pegfilgrastim', // pegfilgrastim-cbqv 10 MG/ML [Udenyca]
  '2102705': 'pegfilgrastim', // 0.6 ML pegfilgrastim-cbqv 10 MG/ML Prefilled Syringe [Udenyca]
  '2260702': 'pegfilgrastim', // pegfilgrastim-bmez
  '2260703': 'pegfilgrastim', // pegfilgrastim-bmez 10 MG/ML
  '2260704': 'pegfilgrastim', // 0.6 ML pegfilgrastim-bmez 10 MG/ML Prefilled Syringe
  '2260706': 'pegfilgrastim', // pegfilgrastim-bmez 10 MG/ML [Ziextenzo]
  '2260707': 'pegfilgrastim', // pegfilgrastim Prefilled Syringe [Ziextenzo]
  '2260709': 'pegfilgrastim', // 0.6 ML pegfilgrastim-bmez 10 MG/ML Prefilled Syringe [Ziextenzo]
  '2469333': 'pegfilgrastim', // pegfilgrastim-apgf
  '2469334': 'pegfilgrastim', // pegfilgrastim-apgf 10 MG/ML
  '2469335': 'pegfilgrastim', // 0.6 ML pegfilgrastim-apgf 10 MG/ML Prefilled Syringe
  '2469337': 'pegfilgrastim', // pegfilgrastim-apgf 10 MG/ML [Nyvepria]
  '2469338': 'pegfilgrastim', // pegfilgrastim Prefilled Syringe [Nyvepria]
  '2469340': 'pegfilgrastim', // 0.6 ML pegfilgrastim-apgf 10 MG/ML Prefilled Syringe [Nyvepria]
  '2549330': 'pegfilgrastim', // pegfilgrastim Injection
  '2549331': 'pegfilgrastim', // 0.6 ML pegfilgrastim 10 MG/ML Injection
  '2549332': 'pegfilgrastim', // pegfilgrastim Injection [Neulasta]
  '2549333': 'pegfilgrastim', // 0.6 ML pegfilgrastim 10 MG/ML Injection [Neulasta]
  '2602779': 'pegfilgrastim', // pegfilgrastim-pbbk
  '2602780': 'pegfilgrastim', // pegfilgrastim-pbbk 10 MG/ML
  '2602781': 'pegfilgrastim', // 0.6 ML pegfilgrastim-pbbk 10 MG/ML Prefilled Syringe
  '2602784': 'pegfilgrastim', // pegfilgrastim-pbbk 10 MG/ML [Fylnetra]
  '2602786': 'pegfilgrastim', // pegfilgrastim Prefilled Syringe [Fylnetra]
  '2602787': 'pegfilgrastim', // 0.6 ML pegfilgrastim-pbbk 10 MG/ML Prefilled Syringe [Fylnetra]
};
