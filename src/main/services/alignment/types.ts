/** Languages of the two sequences, as BCP 47 tags ("ru", "en"). */
export interface AlignOptions {
  originalLang: string;
  translationLang: string;
}
