/** --help: the usage in Chinese, then in English. */
export const USAGE = `低保花名册核查助手 — 命令行
用法：
  dibao check <花名册.xlsx|文件夹> [选项]     核查花名册，标注问题单元格，生成调整花名册等工作表
  dibao clear <已标注.xlsx> --out <文件.xlsx>  清除本工具的标注，恢复原来的底色和批注

check 选项：
  --sheet 名称            只核查这张花名册工作表，可重复（默认：表头像花名册的每张工作表，如各村一张）
  --policy 文件.json      核查参数（低保标准、基准日、行政区划代码等）
  --as-of YYYY-MM-DD      核查基准日（覆盖核查参数中的 asOf）
  --out 文件.xlsx         标注后的工作簿（默认：<输入文件名>.checked.xlsx；文件夹模式下为输出文件夹）
  --no-out                不写工作簿，只核查
  --report 文件.json      写出 JSON 核查报告
  --list 类别=文件        从其他文件读取比对名单，可重复；类别：death 死亡，payroll 财政供养，
                          vehicle 车辆，housing 商品房，business 工商，poor 建档立卡，relatives 近亲属
  --mask-ids              报告中的身份证号只保留前6位和后4位
  --force                 覆盖已存在的输出文件
输入文件不会被修改。退出码：0 已核查且无错误；1 已核查、有错误；2 未能核查。

Dibao roster checker — command line
Usage:
  dibao check <roster.xlsx|folder> [options]   check a roster, mark the cells at fault, add the generated sheets
  dibao clear <marked.xlsx> --out <file.xlsx>  remove this tool's marks, restoring earlier fills and notes

check options:
  --sheet NAME            check only this roster sheet, repeatable (default: every sheet with a roster header,
                          e.g. one per village)
  --policy FILE.json      policy (standard, reference date, area code…)
  --as-of YYYY-MM-DD      reference date (overrides the policy's asOf)
  --out FILE.xlsx         marked workbook (default: <input>.checked.xlsx; output folder in folder mode)
  --no-out                write no workbook
  --report FILE.json      write the JSON report
  --list KIND=FILE        a reference list from another file, repeatable; KIND: death, payroll,
                          vehicle, housing, business, poor, relatives
  --mask-ids              keep only the first 6 and last 4 characters of ID numbers in the report
  --force                 replace existing output files
The input file is never modified. Exit codes: 0 checked, no errors; 1 checked, errors found; 2 not checked.
`;
