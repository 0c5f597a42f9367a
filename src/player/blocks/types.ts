/** Where a block is shown, so it can record what the learner does with it. */
export interface BlockPlace {
  material: string;
  page: string;
  /** the print view shows every block open and records nothing */
  print?: boolean;
}
