// The procurement feature's use cases, one per file; this module is their one
// entrance for the rest of the application (pages, API, other features).
export * from "./model.ts";
export { ContractInput, registerContract, type ContractData } from "./register-contract.ts";
export { updateContract, UpdateContractInput } from "./update-contract.ts";
export { ChecklistInput, saveChecklist } from "./save-checklist.ts";
export { PointInput, resolvePoint } from "./resolve-point.ts";
export { markSupplierMeasures, SupplierMeasuresInput } from "./mark-supplier-measures.ts";
export { SignOffInput, signOffContract } from "./sign-off-contract.ts";
export { deleteContract, DeleteContractInput, withdrawContract, WithdrawContractInput } from "./remove-contract.ts";
export { getProcurementSettings, ProcurementSettingsInput, updateProcurementSettings } from "./settings.ts";
export { contractOverview, getContract, isSigner, listContracts, supplierState, type ContractOverview } from "./queries.ts";
export { checklistInstrument } from "./facts.ts";
