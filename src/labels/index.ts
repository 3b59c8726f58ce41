export { concatLabelSets, countPositive, dedupePairs, labelSetOf, LabelSetBuilder, type LabelSet } from "./label-set.js";
export { observedLabels, randomizedLabels, trainingLabels, type MovieTags, type TagFeedback, type TrainingLabels } from "./training-labels.js";
