/** In Node, `dataset.downloadDocuments()` writes files into a folder (see jobs/download-documents.ts). */
export { downloadDocuments as downloadDocumentsOfDataset } from '../../jobs/download-documents.js';
