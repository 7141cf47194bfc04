/** In Node, `dataset.uploadDocuments()` reads files and folders (see jobs/upload-documents.ts). */
export { uploadDocumentsToDataset } from '../../jobs/upload-documents.js';
