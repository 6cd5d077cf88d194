/**
 * The attribution line of a speech printed under its own headline:
 *   ● 喻晓霞委员代表民盟平湖市基层委、市政协钟埭街道委员小组发言
 */
const SPEAKER_LINE = /^[●•]\s*(\S.*)$/u;
const SPEAKER_NAME =
  /^([\p{Script=Han}·]{2,4}?)(?:委员|代表|同志|先生|女士|院士|教授|主任|局长|书记|市长|县长|镇长|董事长|总经理)/u;

export interface Speaker {
  /** The speaker's name, when the line states it in the usual form. */
  name?: string;
  /** Whether the line introduces a speech (发言, 致辞, 讲话). */
  isSpeech: boolean;
}

export function parseSpeakerLine(line: string): Speaker | null {
  const match = SPEAKER_LINE.exec(line.trim());
  if (!match?.[1]) return null;
  const rest = match[1];
  const name = SPEAKER_NAME.exec(rest)?.[1];
  const isSpeech = /(?:发言|致辞|讲话|演讲|报告)$/u.test(rest);
  return name ? { name, isSpeech } : { isSpeech };
}
