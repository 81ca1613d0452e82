import knowledgeBaseData from '@/knowledge/knowledge-base.json';

/**
 * The demo deployment (Northwind Cloud) now lives in knowledge/knowledge-base.json so a deployer edits data, not code.
 * This alias stays for code and tests written before the move; new code calls getKnowledgeBase() instead.
 * @deprecated import getKnowledgeBase (validated) or knowledgeBaseFile (raw) from '@/lib/sales/knowledge'.
 */
export const demoCompany = knowledgeBaseData;
