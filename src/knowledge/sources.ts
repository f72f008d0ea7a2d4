/** The documents the knowledge rests on (shared/sources), cited by file name without extension. */
import type { SourceName } from '../contract/index.js';

export interface Source {
  readonly name: SourceName;
  readonly file: string;
  readonly title: string;
  readonly publisher: string;
  readonly url: string | null;
  readonly revised: string;
}

export const SOURCES: Readonly<Record<SourceName, Source>> = {
  'pdq-adult-all-treatment-hp': {
    name: 'pdq-adult-all-treatment-hp',
    file: 'pdq-adult-all-treatment-hp.txt',
    title: 'Adult Acute Lymphoblastic Leukemia Treatment (PDQ®), Health Professional Version',
    publisher: 'National Cancer Institute, PDQ Adult Treatment Editorial Board',
    url: 'https://www.cancer.gov/types/leukemia/hp/adult-all-treatment-pdq',
    revised: 'statistics for 2024',
  },
  'pdq-adult-all-treatment-patient': {
    name: 'pdq-adult-all-treatment-patient',
    file: 'pdq-adult-all-treatment-patient.txt',
    title: 'Adult Acute Lymphoblastic Leukemia Treatment (PDQ®), Patient Version',
    publisher: 'National Cancer Institute',
    url: 'https://www.cancer.gov/types/leukemia/patient/adult-all-treatment-pdq',
    revised: 'not stated',
  },
  'acs-about-all': {
    name: 'acs-about-all',
    file: 'acs-about-all.md',
    title: "About Acute Lymphocytic Leukemia (ALL); Key Statistics; What's New in ALL Research",
    publisher: 'American Cancer Society',
    url: 'https://www.cancer.org/cancer/types/acute-lymphocytic-leukemia.html',
    revised: '2018–2021',
  },
  'acs-treating-all': {
    name: 'acs-treating-all',
    file: 'acs-treating-all.md',
    title: 'Treating Acute Lymphocytic Leukemia (ALL)',
    publisher: 'American Cancer Society',
    url: 'https://www.cancer.org/cancer/types/acute-lymphocytic-leukemia/treating.html',
    revised: '2018–2024',
  },
  'all-patient-overview': {
    name: 'all-patient-overview',
    file: 'all-patient-overview.txt',
    title: 'Acute lymphoblastic leukemia: key points, causes, symptoms, treatment, prognosis (translated patient article)',
    publisher: 'unknown (machine-translated)',
    url: null,
    revised: 'not stated',
  },
};
