/**
 * The lesson file kind (scenarios/lessons/*.yaml): a sequence of steps a
 * teacher walks on the classroom page. Each step names a case and an event,
 * what to show (the matrix, the picture, one cell's reasons, a what-if), the
 * words the teacher reads out, and an optional question for predict-then-reveal.
 * Every statement must be true to the shipped case it names. Pure data + zod.
 */
import { z } from 'zod';
import { slug, stateCode } from './common.js';

export const lessonShow = z.enum(['matrix', 'picture', 'reasons', 'what-if']);

/** A language, as ISO 639-1 names it (ru). */
const language = z.string().regex(/^[a-z]{2}$/, { message: 'a two-letter language code, e.g. ru' });

/** A step's words in another language: what is left out is shown as written. */
const stepWords = z.object({ title: z.string().min(1).optional(), say: z.string().min(1).optional(), ask: z.string().min(1).optional() }).strict();

export const lessonStep = z
  .object({
    title: z.string().min(1),
    /** The scenario id and the event id within it. */
    case: slug,
    event: slug,
    show: z.array(lessonShow).min(1).optional(),
    /** The cell whose reasons open: `clause` as treaty/clause, `obligor` a state code. */
    cell: z.object({ clause: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, { message: 'a clause named treaty/clause, e.g. cst/art-4' }), obligor: stateCode }).strict().optional(),
    /** What-if choices, as the page's toggles name them: `request:cst/art-4: "true"`, `recognition:RUS: ARM`. */
    whatIf: z.record(z.string().min(1), z.string().min(1)).optional(),
    /** What the teacher reads out. */
    say: z.string().min(1),
    /** A question for the class, answered by predicting the cells before the reveal. */
    ask: z.string().min(1).optional(),
    /** The step's words in other languages (the page shows them when it speaks that language). */
    translations: z.record(language, stepWords).optional(),
  })
  .strict();
export type LessonStep = z.infer<typeof lessonStep>;

export const lessonFile = z
  .object({
    id: slug,
    title: z.string().min(1),
    /** One or two sentences for the start screen. */
    summary: z.string().min(1),
    steps: z.array(lessonStep).min(1),
    /** The title and summary in other languages. */
    translations: z.record(language, z.object({ title: z.string().min(1).optional(), summary: z.string().min(1).optional() }).strict()).optional(),
  })
  .strict()
  .meta({ title: 'casus lesson', description: 'Steps through shipped cases for a class: case, event, what to show, what to say' });
export type Lesson = z.infer<typeof lessonFile>;
