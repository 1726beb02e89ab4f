import { CodeSets1764400000000 } from './1764400000000-code-sets';
import { EditData1764400000001 } from './1764400000001-edit-data';
import { CodeWordSearch1764400000002 } from './1764400000002-code-word-search';
import { WordSearchBillableFirst1764400000003 } from './1764400000003-word-search-billable-first';
import { CodeReference1764400000004 } from './1764400000004-code-reference';
import { ClinicalSearch1765400000000 } from './1765400000000-clinical-search';
import { SearchVocabulary1765400000001 } from './1765400000001-search-vocabulary';
import { ReferenceKindsPcsTables1765500000000 } from './1765500000000-reference-kinds-pcs-tables';
import { EditPublications1765600000000 } from './1765600000000-edit-publications';

export const CODESETS_MIGRATIONS = [
  CodeSets1764400000000,
  EditData1764400000001,
  CodeWordSearch1764400000002,
  WordSearchBillableFirst1764400000003,
  CodeReference1764400000004,
  ClinicalSearch1765400000000,
  SearchVocabulary1765400000001,
  ReferenceKindsPcsTables1765500000000,
  EditPublications1765600000000,
];
